<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- sign-in-link-sent: the same page whether or not the address has an account. -->
<@layout.registrationLayout careaccessPage="sign-in-link-sent" fieldErrors={"username": "send-link"}; section>
<#if section == "header">
    ${msg("careaccess.staff.link.sentTitle")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.link.sentTitle")}</h1>
    <p class="nhsuk-body">${msg("careaccess.staff.link.sentBody", sentTo)}</p>
    <p class="nhsuk-body">${msg("careaccess.staff.link.sentExpiry", linkLifetimeMinutes)}</p>
    <#if nhsmailHint??>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">${msg("careaccess.information")}: </span>
            <p>${msg("careaccess.staff.signin.nhsmailHint", nhsmailHint.buttonLabel!msg("careaccess.staff.signin.nhsmail", nhsmailHint.name))}</p>
        </div>
    </#if>
    <h2 class="nhsuk-heading-s">${msg("careaccess.staff.link.noEmailHeading")}</h2>
    <p class="nhsuk-body">${msg("careaccess.staff.link.noEmail")}</p>
    <form id="sign-in-link" method="post" action="${url.loginAction}" novalidate>
        <input type="hidden" name="username" value="${sentTo}">
        <@c.button text=msg("careaccess.staff.link.resend") name="send-link" value="true" secondary=true id="send-link"/>
        <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.link.back") name="back" id="back"/></p>
    </form>
</#if>
</@layout.registrationLayout>
