<#import "template.ftl" as layout>
<#-- sign-in-link-invalid (unknown, expired or used) and sign-in-link-other-browser (nothing used up). -->
<#assign otherBrowser = careaccessPage == "sign-in-link-other-browser">
<@layout.registrationLayout careaccessPage=careaccessPage; section>
<#if section == "header">
    <#if otherBrowser>${msg("careaccess.staff.link.otherBrowserTitle")}<#else>${msg("careaccess.staff.link.invalidTitle")}</#if>
<#elseif section == "form">
    <#if otherBrowser>
        <h1 class="nhsuk-heading-l">${msg("careaccess.staff.link.otherBrowserTitle")}</h1>
        <p class="nhsuk-body">${msg("careaccess.staff.link.otherBrowserBody")}</p>
        <p class="nhsuk-body">${msg("careaccess.staff.link.otherBrowserNext")}</p>
    <#else>
        <h1 class="nhsuk-heading-l">${msg("careaccess.staff.link.invalidTitle")}</h1>
        <p class="nhsuk-body">${msg("careaccess.staff.link.invalidBody")}</p>
        <p class="nhsuk-body">${msg("careaccess.staff.link.invalidNext")}</p>
    </#if>
</#if>
</@layout.registrationLayout>
