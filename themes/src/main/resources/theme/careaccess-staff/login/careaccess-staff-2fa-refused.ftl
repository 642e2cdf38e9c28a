<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- reset-2fa-refused and 2fa-setup-refused: this sign-in had no second factor. -->
<@layout.registrationLayout careaccessPage=careaccessPage; section>
<#if section == "header">
    ${msg("careaccess.staff.refused.title")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.refused.title")}</h1>
    <p class="nhsuk-body">${msg("careaccess.staff.refused.body")}</p>
    <p class="nhsuk-body">${msg("careaccess.staff.refused.support")}</p>
    <form id="refused" method="post" action="${url.loginAction}" novalidate>
        <@c.button text=msg("careaccess.staff.refused.back") name="cancel-aia" value="true" secondary=true id="back"/>
    </form>
</#if>
</@layout.registrationLayout>
