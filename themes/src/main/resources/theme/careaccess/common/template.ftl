<#--
  The page layout of every CareAccess screen, and of Keycloak's own pages (errors, expired pages,
  info) when a realm uses a CareAccess login theme. NHS design system markup (nhsuk-frontend 10).
  Keycloak's base pages call registrationLayout with its four usual parameters; CareAccess screens
  add careaccessPage, the stable name tests and scripts find in <body data-careaccess-page>.
-->
<#import "careaccess-components.ftl" as c>
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false careaccessPage="" fieldErrors={}>
<#assign heading><#nested "header"></#assign>
<#-- The heading's markup without its tags: still HTML (the nested templates escaped it once, e.g.
     Nid yw&#39;r), so it is printed with ?no_esc; printed as text it would be escaped twice. Escaped
     text holds no "<", so none can be left once the tags are gone; the last replace makes sure. -->
<#assign headingText = heading?markup_string?replace("<[^>]*>", "", "r")?replace("<", "&lt;")?replace("\\s+", " ", "r")?trim>
<#assign serviceName = (realm.displayName)!realm.name>
<#assign pageHasError = (message?has_content && message.type == "error")>
<#assign accent = (properties.careaccessAccentColour)!"">
<#-- careaccessLogo: nhs (default), nhs-wales or none; anything else is the default. careaccessNhsLogo=false
     (organisations not entitled to the NHS logo) means none, whatever careaccessLogo says. -->
<#assign logo = ((properties.careaccessLogo)!"nhs")?trim?lower_case>
<#if !["nhs", "nhs-wales", "none"]?seq_contains(logo)><#assign logo = "nhs"></#if>
<#if ((properties.careaccessNhsLogo)!"true")?trim == "false"><#assign logo = "none"></#if>
<!DOCTYPE html>
<html lang="${(locale.currentLanguageTag)!lang!"en"}" class="nhsuk-template">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <meta name="referrer" content="no-referrer">
    <title><#if pageHasError>${msg("careaccess.titleErrorPrefix")} </#if><#if headingText?has_content>${headingText?no_esc} – </#if>${serviceName}</title>
    <link rel="icon" href="${url.resourcesPath}/nhsuk/assets/images/favicon.ico">
    <link rel="stylesheet" href="${url.resourcesPath}/nhsuk/nhsuk-frontend.min.css">
    <link rel="stylesheet" href="${url.resourcesPath}/css/careaccess.css">
</head>
<body class="nhsuk-template__body ${bodyClass}"<#if careaccessPage?has_content> data-careaccess-page="${careaccessPage}"</#if>>
<a class="nhsuk-skip-link" href="#maincontent">${msg("careaccess.skipToMain")}</a>
<header class="nhsuk-header<#if properties.careaccessOrganisation?has_content> nhsuk-header--organisation</#if>" role="banner"<#if accent?matches("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?")> style="background-color: ${accent}"</#if>>
    <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
            <span class="nhsuk-header__service-logo">
                <#if properties.careaccessLogoUrl?has_content>
                    <img class="nhsuk-header__organisation-logo" src="${properties.careaccessLogoUrl}" alt="${(properties.careaccessOrganisation)!serviceName}">
                <#elseif logo == "nhs-wales">
                    <@c.nhsWalesLogo/>
                <#elseif logo == "nhs">
                    <@c.nhsLogo/>
                </#if>
                <#if properties.careaccessOrganisation?has_content>
                    <span class="nhsuk-header__organisation-name">${properties.careaccessOrganisation}</span>
                </#if>
                <span class="nhsuk-header__service-name">${serviceName}</span>
            </span>
        </div>
        <#if realm.internationalizationEnabled && (locale.supported?size > 1)>
            <nav class="careaccess-language" aria-label="${msg("careaccess.languageNav")}">
                <ul class="nhsuk-list careaccess-language__list">
                    <#list locale.supported as l>
                        <#if l.languageTag != locale.currentLanguageTag>
                            <li><a class="careaccess-language__link" href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}">${l.label}</a></li>
                        </#if>
                    </#list>
                </ul>
            </nav>
        </#if>
    </div>
</header>
<div class="nhsuk-width-container">
    <main class="nhsuk-main-wrapper" id="maincontent" role="main">
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <#if displayMessage && message?has_content && (message.type != "warning" || !isAppInitiatedAction??)>
                    <#if message.type == "error">
                        <@c.errorSummary fieldErrors/>
                    <#elseif message.type == "success">
                        <div class="nhsuk-inset-text careaccess-message--success" role="status">
                            <span class="nhsuk-u-visually-hidden">${msg("careaccess.information")}: </span>
                            <p>${kcSanitize(message.summary)?no_esc}</p>
                        </div>
                    <#else>
                        <div class="nhsuk-inset-text" role="status">
                            <span class="nhsuk-u-visually-hidden">${msg("careaccess.information")}: </span>
                            <p>${kcSanitize(message.summary)?no_esc}</p>
                        </div>
                    </#if>
                </#if>
                <#if careaccessPage?has_content>
                    <#nested "form">
                <#else>
                    <#-- Keycloak's own pages: their heading, then their content. -->
                    <h1 class="nhsuk-heading-l">${headingText?no_esc}</h1>
                    <div class="careaccess-keycloak-page">
                        <#nested "form">
                    </div>
                </#if>
                <#nested "socialProviders">
                <#if displayInfo>
                    <div class="careaccess-info">
                        <#nested "info">
                    </div>
                </#if>
            </div>
        </div>
    </main>
</div>
<footer class="nhsuk-footer" role="contentinfo">
    <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
            <p class="nhsuk-body-s">${msg("careaccess.footer", serviceName)}</p>
        </div>
    </div>
</footer>
</body>
</html>
</#macro>
