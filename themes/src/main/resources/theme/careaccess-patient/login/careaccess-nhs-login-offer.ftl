<#-- "Continue to NHS login", first on the page (NHS login's guidance), then "or" before the page's own question.
     nhsLogin is the URL that continues this sign-in at NHS login. -->
<div class="careaccess-nhslogin">
    <p>${msg("careaccess.nhslogin.offer")}</p>
    <a href="${nhsLogin}" class="nhsuk-button careaccess-nhslogin-button" role="button" draggable="false" data-module="nhsuk-button" id="nhs-login">${msg("careaccess.nhslogin.continue")}</a>
    <p class="careaccess-nhslogin__or">${msg("careaccess.nhslogin.or")}</p>
</div>
