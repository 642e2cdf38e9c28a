<#--
  NHS design system components (nhsuk-frontend 10 markup) as FreeMarker macros, so every screen
  writes a date input, an error summary or a button the same way. Texts are message keys.
-->

<#-- The NHS logo, as nhsuk-frontend's header draws it. -->
<#macro nhsLogo>
<svg class="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS"><title>NHS</title><path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"/></svg>
</#macro>

<#--
  The bilingual NHS Wales logo, Welsh first as NHS Wales writes it: the NHS lozenge above, with
  "GIG Cymru" and "NHS Wales" beside it. Drawn here (no official artwork is shipped); an
  organisation can point careaccessLogoUrl at its own artwork instead. Sized like the NHS logo.
-->
<#macro nhsWalesLogo>
<svg class="nhsuk-header__logo careaccess-logo-nhs-wales" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 80" height="40" width="210" focusable="false" role="img" aria-label="GIG Cymru NHS Wales"><title>GIG Cymru NHS Wales</title><path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"/><g fill="currentcolor" font-family="Frutiger W01, Arial, Helvetica, sans-serif" font-weight="700" font-size="34" aria-hidden="true"><text x="214" y="33">GIG Cymru</text><text x="214" y="74">NHS Wales</text></g></svg>
</#macro>

<#--
  "There is a problem" with a link to each field in error. fieldErrors maps a form message field
  (as the authenticator set it) to the id of the input the link should move focus to.
-->
<#macro errorSummary fieldErrors={}>
<#-- nhsuk-frontend 10's own markup: role="alert" on the inner div, no label on the outer one (a div
     without a role may not have aria-labelledby: axe aria-prohibited-attr). -->
<div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
    <div role="alert">
        <h2 class="nhsuk-error-summary__heading">${msg("careaccess.errorSummaryTitle")}</h2>
        <div class="nhsuk-error-summary__body">
            <ul class="nhsuk-list nhsuk-error-summary__list">
                <#assign linked = false>
                <#list fieldErrors as field, anchor>
                    <#if messagesPerField.existsError(field)>
                        <#assign linked = true>
                        <li><a href="#${anchor}">${messagesPerField.get(field)}</a></li>
                    </#if>
                </#list>
                <#if !linked>
                    <li>${kcSanitize(message.summary)?no_esc}</li>
                </#if>
            </ul>
        </div>
    </div>
</div>
</#macro>

<#macro errorMessage id text>
<span class="nhsuk-error-message" id="${id}-error">
    <span class="nhsuk-u-visually-hidden">${msg("careaccess.errorPrefix")}:</span> ${text}
</span>
</#macro>

<#--
  A text input. heading=true makes the label the page's h1 (one question per page).
  error is the field key in messagesPerField.
-->
<#macro textInput name label id=name hint="" heading=false error=name value="" type="text" inputmode="" autocomplete="" width="" spellcheck=false autofocus=false>
<#assign hasError = messagesPerField.existsError(error)>
<div class="nhsuk-form-group<#if hasError> nhsuk-form-group--error</#if>">
    <#if heading>
        <h1 class="nhsuk-label-wrapper"><label class="nhsuk-label nhsuk-label--l" for="${id}">${label}</label></h1>
    <#else>
        <label class="nhsuk-label" for="${id}">${label}</label>
    </#if>
    <#if hint?has_content><div class="nhsuk-hint" id="${id}-hint">${hint}</div></#if>
    <#if hasError><@errorMessage id=id text=messagesPerField.get(error)/></#if>
    <input class="nhsuk-input<#if hasError> nhsuk-input--error</#if><#if width?has_content> nhsuk-input--width-${width}</#if>"
           id="${id}" name="${name}" type="${type}" value="${value}"
           <#if hint?has_content || hasError>aria-describedby="<#if hint?has_content>${id}-hint</#if><#if hasError> ${id}-error</#if>"</#if>
           <#if inputmode?has_content>inputmode="${inputmode}"</#if>
           <#if autocomplete?has_content>autocomplete="${autocomplete}"</#if>
           <#if !spellcheck>spellcheck="false"</#if>
           <#if autofocus>autofocus</#if>>
</div>
</#macro>

<#macro button text name="" value="" secondary=false id="">
<button class="nhsuk-button<#if secondary> nhsuk-button--secondary</#if>" data-module="nhsuk-button" type="submit"<#if name?has_content> name="${name}"</#if><#if value?has_content> value="${value}"</#if><#if id?has_content> id="${id}"</#if>>${text}</button>
</#macro>

<#-- A submit button that reads as a link, for secondary actions such as "Request a new code". -->
<#macro linkButton text name value="true" id="">
<button class="careaccess-link-button" type="submit" name="${name}" value="${value}"<#if id?has_content> id="${id}"</#if>>${text}</button>
</#macro>
