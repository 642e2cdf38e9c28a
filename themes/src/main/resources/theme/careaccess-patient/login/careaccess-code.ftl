<#-- Security code, "Check your phone" (data-careaccess-page="code"): field code, button resend. -->
<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<@layout.registrationLayout careaccessPage="code" fieldErrors={"code": "code"}; section>
<#if section = "header">
    ${msg("careaccess.code.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.code.title")}</h1>
    <#if sentMinutesAgo??>
        <p>${msg("careaccess.code.sentEarlier", mobileEnding!"", sentMinutesAgo)}</p>
        <#if (resendInSeconds!0) gt 0>
            <p>${msg("careaccess.code.wait", resendInSeconds)}.</p>
        </#if>
    <#else>
        <p>${msg("careaccess.code.sentTo", mobileEnding!"")}</p>
    </#if>
    <p>${msg("careaccess.code.expiresIn", codeLifetimeMinutes!10)}</p>
    <form method="post" action="${url.loginAction}" novalidate>
        <@c.textInput name="code" label=msg("careaccess.code.label") hint=msg("careaccess.code.hint")
                      inputmode="numeric" autocomplete="one-time-code" width="10"/>
        <@c.button text=msg("careaccess.continue")/>
        <p class="nhsuk-body">${msg("careaccess.code.notReceived")}</p>
        <@c.linkButton text=msg("careaccess.code.requestNew") name="resend"/>
    </form>
</#if>
</@layout.registrationLayout>
