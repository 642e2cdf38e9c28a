<#-- Date of birth (data-careaccess-page="dob"): the NHS date input, fields dob-day, dob-month, dob-year. -->
<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#assign errorParts = (dobErrorParts![])>
<#assign hasError = messagesPerField.existsError("dob")>
<@layout.registrationLayout careaccessPage="dob" fieldErrors={"dob": (errorParts?size > 0)?then(errorParts[0], "dob-day")}; section>
<#if section = "header">
    ${msg("careaccess.dob.title")}
<#elseif section = "form">
    <#-- NHS login: when the nhsLogin attribute is set (the link's patient has an NHS number), its
         "Continue to NHS login" block goes here, first and above the date of birth. -->
    <#if nhsLogin??>
        <#include "careaccess-nhs-login-offer.ftl">
    </#if>
    <form method="post" action="${url.loginAction}" novalidate>
        <div class="nhsuk-form-group<#if hasError> nhsuk-form-group--error</#if>">
            <fieldset class="nhsuk-fieldset" role="group" aria-describedby="dob-hint<#if hasError> dob-error</#if>">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                    <h1 class="nhsuk-fieldset__heading">
                        <#if purpose??><span class="nhsuk-caption-l">${msg("careaccess.purpose." + purpose)}<span class="nhsuk-u-visually-hidden"> - </span></span></#if>
                        ${msg("careaccess.dob.title")}
                    </h1>
                </legend>
                <div class="nhsuk-hint" id="dob-hint">${msg("careaccess.dob.hint")}</div>
                <#if hasError><@c.errorMessage id="dob" text=messagesPerField.get("dob")/></#if>
                <div class="nhsuk-date-input" id="dob">
                    <#list [["dob-day", "careaccess.dob.day", "2", "bday-day", dobDay!""],
                            ["dob-month", "careaccess.dob.month", "2", "bday-month", dobMonth!""],
                            ["dob-year", "careaccess.dob.year", "4", "bday-year", dobYear!""]] as part>
                        <div class="nhsuk-date-input__item">
                            <div class="nhsuk-form-group">
                                <label class="nhsuk-label nhsuk-date-input__label" for="${part[0]}">${msg(part[1])}</label>
                                <input class="nhsuk-input nhsuk-date-input__input nhsuk-input--width-${part[2]}<#if errorParts?seq_contains(part[0])> nhsuk-input--error</#if>"
                                       id="${part[0]}" name="${part[0]}" type="text" inputmode="numeric" autocomplete="${part[3]}" value="${part[4]}">
                            </div>
                        </div>
                    </#list>
                </div>
            </fieldset>
        </div>
        <@c.button text=msg("careaccess.continue")/>
    </form>
</#if>
</@layout.registrationLayout>
