<#-- Too many texts for now (data-careaccess-page="sms-limit"). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="sms-limit"; section>
<#if section = "header">
    ${msg("careaccess.sms.limit.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.sms.limit.title")}</h1>
    <p>${msg("careaccess.sms.limit.reason")}</p>
    <p>${msg(((tryAgain!"hour") == "tomorrow")?then("careaccess.sms.limit.tomorrow", "careaccess.sms.limit.hour"))}</p>
    <p>${msg("careaccess.link.help")}</p>
</#if>
</@layout.registrationLayout>
