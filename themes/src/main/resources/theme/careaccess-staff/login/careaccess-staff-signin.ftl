<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- staff-signin: "Log in with NHSmail" (or the provider's own words) first, then email address and password, or a sign-in link. -->
<@layout.registrationLayout careaccessPage="staff-signin" fieldErrors={"username": "username", "password": "password"}; section>
<#if section == "header">
    ${msg("careaccess.staff.signin.title")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.signin.title")}</h1>
    <#-- An NHSmail-type provider's name and button words are its settings (e.g. NHS Wales's own tenant). -->
    <#list (social.providers)![] as provider>
        <#if provider.providerId == "careaccess-nhsmail">
            <#list nhsmailProviders as w>
                <#if w.alias == provider.alias>
                    <p class="nhsuk-body">${msg("careaccess.staff.signin.nhsmailIntro", w.name)}</p>
                    <a class="nhsuk-button careaccess-nhsmail-button" id="<#if w?is_first>nhsmail<#else>nhsmail-${w.alias}</#if>" href="${provider.loginUrl}" draggable="false">${w.buttonLabel!msg("careaccess.staff.signin.nhsmail", w.name)}</a>
                </#if>
            </#list>
        </#if>
    </#list>
    <h2 class="nhsuk-heading-m">${msg("careaccess.staff.signin.emailHeading")}</h2>
    <form id="staff-signin" method="post" action="${url.loginAction}" novalidate>
        <#if knownUsername??>
            <p class="nhsuk-body">${msg("careaccess.staff.signin.reauthenticate", knownUsername)}</p>
        <#else>
            <@c.textInput name="username" label=msg("careaccess.staff.signin.email") type="email" autocomplete="username" value=(login.username)!""/>
            <#list nhsmailProviders as w>
                <div class="nhsuk-inset-text careaccess-nhsmail-hint" id="<#if w?is_first>nhsmail-hint<#else>nhsmail-hint-${w.alias}</#if>" data-domains="${w.domains?join(" ")}" aria-live="polite"<#if nhsmailHintAlias != w.alias> hidden</#if>>
                    <span class="nhsuk-u-visually-hidden">${msg("careaccess.information")}: </span>
                    <p>${msg("careaccess.staff.signin.nhsmailHint", w.buttonLabel!msg("careaccess.staff.signin.nhsmail", w.name))}</p>
                </div>
            </#list>
        </#if>
        <@c.textInput name="password" label=msg("careaccess.staff.signin.password") type="password" autocomplete="current-password"/>
        <@c.button text=msg("careaccess.staff.signin.submit") id="sign-in"/>
        <h2 class="nhsuk-heading-s">${msg("careaccess.staff.signin.noPassword")}</h2>
        <p class="nhsuk-body">${msg("careaccess.staff.signin.sendLinkHint", linkLifetimeMinutes)}</p>
        <@c.button text=msg("careaccess.staff.signin.sendLink") name="send-link" value="true" secondary=true id="send-link"/>
    </form>
    <script src="${url.resourcesPath}/js/careaccess-nhsmail-hint.js" defer></script>
</#if>
</@layout.registrationLayout>
