<#import "template.ftl" as layout>
<#-- 2fa-unavailable: no second factor and the realm cannot let the person set one up; sign-in stops here. -->
<@layout.registrationLayout careaccessPage="2fa-unavailable"; section>
<#if section == "header">
    ${msg("careaccess.staff.2fa.unavailableTitle")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.2fa.unavailableTitle")}</h1>
    <p class="nhsuk-body" id="unavailable">${msg("careaccess.staff.2fa.unavailable")}</p>
</#if>
</@layout.registrationLayout>
