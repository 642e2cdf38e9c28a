<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- 2fa-choose: text message or authenticator app, field "method". -->
<#assign methodError = messagesPerField.existsError("method")>
<@layout.registrationLayout careaccessPage="2fa-choose" fieldErrors={"method": "method"}; section>
<#if section == "header">
    ${msg("careaccess.staff.setup.chooseTitle")}
<#elseif section == "form">
    <form id="2fa-choose" method="post" action="${url.loginAction}" novalidate>
        <div class="nhsuk-form-group<#if methodError> nhsuk-form-group--error</#if>">
            <fieldset class="nhsuk-fieldset" aria-describedby="method-hint<#if methodError> method-error</#if>">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                    <h1 class="nhsuk-fieldset__heading">${msg("careaccess.staff.setup.chooseTitle")}</h1>
                </legend>
                <div class="nhsuk-hint" id="method-hint">${msg("careaccess.staff.setup.chooseHint")}</div>
                <#if methodError><@c.errorMessage id="method" text=messagesPerField.get("method")/></#if>
                <div class="nhsuk-radios" data-module="nhsuk-radios">
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id="method" name="method" type="radio" value="sms" aria-describedby="method-sms-hint">
                        <label class="nhsuk-label nhsuk-radios__label" for="method">${msg("careaccess.staff.setup.sms")}</label>
                        <div class="nhsuk-hint nhsuk-radios__hint" id="method-sms-hint">${msg("careaccess.staff.setup.smsHint")}</div>
                    </div>
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id="method-app" name="method" type="radio" value="app" aria-describedby="method-app-hint">
                        <label class="nhsuk-label nhsuk-radios__label" for="method-app">${msg("careaccess.staff.setup.app")}</label>
                        <div class="nhsuk-hint nhsuk-radios__hint" id="method-app-hint">${msg("careaccess.staff.setup.appHint")}</div>
                    </div>
                </div>
            </fieldset>
        </div>
        <#if enrolled?has_content>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">${msg("careaccess.information")}: </span>
                <p>${msg("careaccess.staff.setup.replaces")}</p>
            </div>
        </#if>
        <@c.button text=msg("careaccess.continue") id="continue"/>
        <#if isAppInitiatedAction??>
            <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.cancel") name="cancel-aia" id="cancel"/></p>
        </#if>
    </form>
</#if>
</@layout.registrationLayout>
