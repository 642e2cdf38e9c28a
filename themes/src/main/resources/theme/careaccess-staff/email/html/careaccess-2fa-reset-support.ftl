<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("careaccess.email.twoFactorResetBySupport.body", serviceName, ticket)}</p>
<p>${msg("careaccess.email.twoFactorReset.next")}</p>
<p>${msg("careaccess.email.twoFactorReset.notYou")}</p>
</@layout.emailLayout>
