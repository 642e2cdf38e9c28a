<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- reset-2fa-confirm: what a reset does, then confirm or cancel (Keycloak's cancel-aia). -->
<@layout.registrationLayout careaccessPage="reset-2fa-confirm"; section>
<#if section == "header">
    ${msg("careaccess.staff.reset.title")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.reset.title")}</h1>
    <p class="nhsuk-body">${msg("careaccess.staff.reset.body")}</p>
    <ul class="nhsuk-list nhsuk-list--bullet">
        <li>${msg("careaccess.staff.reset.signedOut")}</li>
        <li>${msg("careaccess.staff.reset.emailed")}</li>
        <li>${msg("careaccess.staff.reset.setUpAgain")}</li>
    </ul>
    <form id="reset-2fa" method="post" action="${url.loginAction}" novalidate>
        <@c.button text=msg("careaccess.staff.reset.confirm") name="confirm" value="true" id="confirm"/>
        <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.cancel") name="cancel-aia" id="cancel"/></p>
    </form>
</#if>
</@layout.registrationLayout>
