<#-- A text could not be sent (data-careaccess-page="sms-failed"); button resend tries again. -->
<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<@layout.registrationLayout careaccessPage="sms-failed"; section>
<#if section = "header">
    ${msg("careaccess.sms.failedTitle")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.sms.failedTitle")}</h1>
    <p>${msg("careaccess.sms.failedBody")}</p>
    <form method="post" action="${url.loginAction}" novalidate>
        <@c.button text=msg("careaccess.sms.tryAgain") name="resend" value="true"/>
    </form>
</#if>
</@layout.registrationLayout>
