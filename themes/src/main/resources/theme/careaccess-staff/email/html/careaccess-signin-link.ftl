<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("careaccess.email.signInLink.intro", serviceName)}</p>
<p><a href="${link}" style="display:inline-block;background:#007f3b;color:#ffffff;padding:12px 16px;text-decoration:none;font-weight:bold;border-radius:4px;">${msg("careaccess.email.signInLink.button")}</a></p>
<p>${msg("careaccess.email.signInLink.rules", linkExpirationMinutes)}</p>
<p>${msg("careaccess.email.signInLink.notYou")}</p>
</@layout.emailLayout>
