<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- 2fa-sms-number: the mobile number codes will be texted to, field "mobile". -->
<@layout.registrationLayout careaccessPage="2fa-sms-number" fieldErrors={"mobile": "mobile"}; section>
<#if section == "header">
    ${msg("careaccess.staff.setup.mobileTitle")}
<#elseif section == "form">
    <form id="2fa-sms-number" method="post" action="${url.loginAction}" novalidate>
        <@c.textInput name="mobile" label=msg("careaccess.staff.setup.mobileTitle") heading=true hint=msg("careaccess.staff.setup.mobileHint")
            type="tel" autocomplete="tel" width="20" value=mobile!""/>
        <@c.button text=msg("careaccess.continue") id="continue"/>
        <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.setup.back") name="back" id="back"/></p>
    </form>
</#if>
</@layout.registrationLayout>
