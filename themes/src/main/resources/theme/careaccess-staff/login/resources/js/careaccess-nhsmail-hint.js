// Shows "use NHSmail" under the email field as soon as an address in an NHSmail domain is typed.
// Without JavaScript the server shows the same hint after the form is sent.
(function () {
  var input = document.getElementById("username");
  var hint = document.getElementById("nhsmail-hint");
  if (!input || !hint) {
    return;
  }
  var domains = (hint.getAttribute("data-domains") || "").split(/\s+/).filter(Boolean);
  function update() {
    var value = input.value.trim().toLowerCase();
    var at = value.lastIndexOf("@");
    hint.hidden = !(at > 0 && domains.indexOf(value.slice(at + 1)) >= 0);
  }
  input.addEventListener("input", update);
  update();
})();
