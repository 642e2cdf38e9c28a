<#import "template.ftl" as layout>
<#import "careaccess-components.ftl" as c>
<#-- 2fa-app: QR code drawn with zxing, the key as text, and the app's first code in "code". -->
<@layout.registrationLayout careaccessPage="2fa-app" fieldErrors={"code": "code"}; section>
<#if section == "header">
    ${msg("careaccess.staff.setup.appTitle")}
<#elseif section == "form">
    <h1 class="nhsuk-heading-l">${msg("careaccess.staff.setup.appTitle")}</h1>
    <ol class="nhsuk-list nhsuk-list--number">
        <li>${msg("careaccess.staff.setup.appStepInstall")}</li>
        <li>${msg("careaccess.staff.setup.appStepScan")}</li>
    </ol>
    <p><img class="careaccess-qr-code" src="${qrCode}" width="200" height="200" alt="${msg("careaccess.staff.setup.appQrAlt")}"></p>
    <p class="nhsuk-body">${msg("careaccess.staff.setup.appKeyIntro")}</p>
    <p class="nhsuk-body careaccess-app-key" id="app-key"><code>${appKey}</code></p>
    <p class="nhsuk-body-s">${msg("careaccess.staff.setup.appKeyDetails", accountName, digits, period)}</p>
    <form id="2fa-app" method="post" action="${url.loginAction}" novalidate>
        <@c.textInput name="code" label=msg("careaccess.staff.setup.appCodeLabel") hint=msg("careaccess.staff.code.hint") inputmode="numeric" autocomplete="one-time-code" width="10"/>
        <@c.button text=msg("careaccess.continue") id="continue"/>
        <p class="nhsuk-body"><@c.linkButton text=msg("careaccess.staff.setup.back") name="back" id="back"/></p>
    </form>
</#if>
</@layout.registrationLayout>
