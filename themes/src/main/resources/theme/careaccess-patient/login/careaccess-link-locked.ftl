<#-- The link is locked for a while, or for good after too many wrong dates in its life (data-careaccess-page="link-locked"). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout careaccessPage="link-locked"; section>
<#if section = "header">
    <#if lockedForGood??>${msg("careaccess.link.lockedForGood.title")}<#else>${msg("careaccess.link.locked.title")}</#if>
<#elseif section = "form">
    <#if lockedForGood??>
    <h1 class="nhsuk-heading-l">${msg("careaccess.link.lockedForGood.title")}</h1>
    <p>${msg("careaccess.link.locked.reason")}</p>
    <p>${msg("careaccess.link.invalid.getNew")}</p>
    <#else>
    <h1 class="nhsuk-heading-l">${msg("careaccess.link.locked.title")}</h1>
    <p>${msg("careaccess.link.locked.reason")}</p>
    <p><#if lockedHours??>${msg("careaccess.link.locked.tryInHours", lockedHours)}<#elseif lockedMinutes??>${msg("careaccess.link.locked.tryInMinutes", lockedMinutes)}<#else>${msg("careaccess.link.locked.tryLater")}</#if></p>
    <p>${msg("careaccess.link.help")}</p>
    </#if>
</#if>
</@layout.registrationLayout>
