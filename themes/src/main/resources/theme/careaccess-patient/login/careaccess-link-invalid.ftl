<#-- The link does not work (data-careaccess-page="link-invalid"): unknown, expired, revoked or missing, never saying which. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="link-invalid"; section>
<#if section = "header">
    ${msg("careaccess.link.invalid.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.link.invalid.title")}</h1>
    <p>${msg("careaccess.link.invalid.reason")}</p>
    <p>${msg("careaccess.link.invalid.getNew")}</p>
</#if>
</@layout.registrationLayout>
