<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- 2fa-sms-code and 2fa-app-code (signing in), 2fa-sms-confirm (setting up a phone). Codes are typed in "code". -->
<@layout.registrationLayout careaccessPage=careaccessPage fieldErrors={"code": "code"}; section>
<#if section == "header">
    <#if method == "sms">${msg("careaccess.staff.code.smsTitle")}<#else>${msg("careaccess.staff.code.appTitle")}</#if>
<#elseif section == "form">
    <#if method == "sms">
        <h1 class="nhsuk-heading-l">${msg("careaccess.staff.code.smsTitle")}</h1>
        <p class="nhsuk-body">${msg("careaccess.staff.code.smsBody", mobileEnding!"")}</p>
        <p class="nhsuk-body">${msg("careaccess.staff.code.smsExpiry", codeLifetimeMinutes)}</p>
    <#else>
        <h1 class="nhsuk-heading-l">${msg("careaccess.staff.code.appTitle")}</h1>
        <p class="nhsuk-body">${msg("careaccess.staff.code.appBody", (realm.displayName)!realm.name)}</p>
    </#if>
    <form id="security-code" method="post" action="${url.loginAction}" novalidate>
        <@c.textInput name="code" label=msg("careaccess.staff.code.label") hint=msg("careaccess.staff.code.hint") inputmode="numeric" autocomplete="one-time-code" width="10"/>
        <@c.button text=msg("careaccess.continue") id="continue"/>
        <#if method == "sms">
            <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.code.resend") name="resend" id="resend"/></p>
        </#if>
        <#if enrolment??>
            <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.setup.changeNumber") name="change" id="change"/></p>
        </#if>
        <#if otherMethod??>
            <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.code.use." + otherMethod) name="method" value=otherMethod id="switch-method"/></p>
        </#if>
    </form>
</#if>
</@layout.registrationLayout>
