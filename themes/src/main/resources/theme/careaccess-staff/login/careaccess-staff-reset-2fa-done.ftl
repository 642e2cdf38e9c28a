<#import "template.ftl" as layout>
<#-- reset-2fa-done: signed out everywhere; the next sign-in sets two-factor authentication up again. -->
<@layout.registrationLayout careaccessPage="reset-2fa-done"; section>
<#if section == "header">
    ${msg("careaccess.staff.reset.doneTitle")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.reset.doneTitle")}</h1>
    <p class="nhsuk-body">${msg("careaccess.staff.reset.doneBody")}</p>
    <p class="nhsuk-body">${msg("careaccess.staff.reset.doneNext")}</p>
    <p class="nhsuk-body"><a class="nhsuk-link" id="sign-in-again" href="${url.loginRestartFlowUrl}">${msg("careaccess.staff.reset.signInAgain")}</a></p>
</#if>
</@layout.registrationLayout>
