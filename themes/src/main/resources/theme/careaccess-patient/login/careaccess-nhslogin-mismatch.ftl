<#-- NHS login is someone else's than the link's patient (data-careaccess-page="nhslogin-mismatch"): no access. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="nhslogin-mismatch"; section>
<#if section = "header">
    ${msg("careaccess.nhslogin.mismatch.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.nhslogin.mismatch.title")}</h1>
    <p>${msg("careaccess.nhslogin.mismatch.reason")}</p>
    <p>${msg("careaccess.nhslogin.mismatch.someoneElse")}</p>
    <p>${msg("careaccess.link.help")}</p>
</#if>
</@layout.registrationLayout>
