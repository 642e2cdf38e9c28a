<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("careaccess.email.twoFactorReset.body", serviceName)}</p>
<p>${msg("careaccess.email.twoFactorReset.next")}</p>
<p>${msg("careaccess.email.twoFactorReset.notYou")}</p>
</@layout.emailLayout>
