<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- sms-failed: the text could not be sent; nothing was counted. -->
<@layout.registrationLayout careaccessPage="sms-failed"; section>
<#if section == "header">
    ${msg("careaccess.sms.failedTitle")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.sms.failedTitle")}</h1>
    <p class="nhsuk-body">${msg("careaccess.staff.sms.failedBody")}</p>
    <form id="sms-failed" method="post" action="${url.loginAction}" novalidate>
        <@c.button text=msg("careaccess.sms.tryAgain") name="resend" value="true" id="resend"/>
        <#if enrolment??>
            <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.setup.changeNumber") name="change" id="change"/></p>
        </#if>
        <#if otherMethod??>
            <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.code.use." + otherMethod) name="method" value=otherMethod id="switch-method"/></p>
        </#if>
    </form>
</#if>
</@layout.registrationLayout>
