<#-- NHS login without a link, and no patient record has that NHS number (data-careaccess-page="nhslogin-no-record"). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="nhslogin-no-record"; section>
<#if section = "header">
    ${msg("careaccess.nhslogin.noRecord.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.nhslogin.noRecord.title")}</h1>
    <p>${msg("careaccess.nhslogin.noRecord.reason")}</p>
    <p>${msg("careaccess.patientSignIn.link")}</p>
</#if>
</@layout.registrationLayout>
