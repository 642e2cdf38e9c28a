// Shows "use NHSmail" (or the organisation's own sign-in button) under the email field as soon as an
// address in that provider's domains is typed. Without JavaScript the server shows the same hint after
// the form is sent.
(function () {
  var input = document.getElementById("username");
  var hints = document.querySelectorAll(".careaccess-nhsmail-hint");
  if (!input || hints.length === 0) {
    return;
  }
  function update() {
    var value = input.value.trim().toLowerCase();
    var at = value.lastIndexOf("@");
    var domain = at > 0 ? value.slice(at + 1) : null;
    var shown = false;
    Array.prototype.forEach.call(hints, function (hint) {
      var domains = (hint.getAttribute("data-domains") || "").split(/\s+/).filter(Boolean);
      var match = !shown && domain !== null && domains.indexOf(domain) >= 0;
      hint.hidden = !match;
      shown = shown || match;
    });
  }
  input.addEventListener("input", update);
  update();
})();
