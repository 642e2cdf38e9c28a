<#-- Signing in without a link (data-careaccess-page="patient-signin"): NHS login, or the link from a text message. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="patient-signin"; section>
<#if section = "header">
    ${msg("careaccess.patientSignIn.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.patientSignIn.title")}</h1>
    <p>${msg("careaccess.patientSignIn.nhsLogin")}</p>
    <a href="${nhsLogin}" class="nhsuk-button careaccess-nhslogin-button" role="button" draggable="false" data-module="nhsuk-button" id="nhs-login">${msg("careaccess.nhslogin.continue")}</a>
    <p>${msg("careaccess.patientSignIn.link")}</p>
</#if>
</@layout.registrationLayout>
