<#ftl output_format="plainText">
${msg("careaccess.email.signInLink.intro", serviceName)}

${link}

${msg("careaccess.email.signInLink.rules", linkExpirationMinutes)}

${msg("careaccess.email.signInLink.notYou")}
