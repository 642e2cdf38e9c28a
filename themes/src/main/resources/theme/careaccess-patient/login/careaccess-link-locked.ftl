<#-- The link is locked for a while (data-careaccess-page="link-locked"). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="link-locked"; section>
<#if section = "header">
    ${msg("careaccess.link.locked.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.link.locked.title")}</h1>
    <p>${msg("careaccess.link.locked.reason")}</p>
    <p><#if lockedMinutes??>${msg("careaccess.link.locked.tryInMinutes", lockedMinutes)}<#else>${msg("careaccess.link.locked.tryLater")}</#if></p>
    <p>${msg("careaccess.link.help")}</p>
</#if>
</@layout.registrationLayout>
