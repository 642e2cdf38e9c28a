<#-- Another patient is signed in on this browser (data-careaccess-page="link-other-patient"); button sign-out,
     link go-back (to the portal, the other patient still signed in). -->
<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<@layout.registrationLayout careaccessPage="link-other-patient"; section>
<#if section = "header">
    ${msg("careaccess.link.otherPatient.title")}
<#elseif section = "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.link.otherPatient.title")}</h1>
    <p>${msg("careaccess.link.otherPatient.forSomeoneElse")}</p>
    <p>${msg("careaccess.link.otherPatient.signOut")}</p>
    <form method="post" action="${url.loginAction}" novalidate>
        <@c.button text=msg("careaccess.link.otherPatient.continue") name="sign-out" value="true"/>
    </form>
    <#if (client.baseUrl)?has_content>
        <p class="nhsuk-body"><a id="go-back" href="${client.baseUrl}">${msg("careaccess.link.otherPatient.goBack")}</a></p>
    </#if>
</#if>
</@layout.registrationLayout>
