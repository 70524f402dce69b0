Bonjour,

Vous avez demandé à recevoir la lettre d'information d'Open Collectivités<#if territories?has_content> sur : ${territories?join(", ")}</#if><#if themes?has_content><#if territories?has_content>,</#if> thématiques : ${themes?join(", ")}</#if>.

Pour confirmer votre abonnement, ouvrez ce lien (valable ${validityHours} heures) :
${confirmUrl}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, votre adresse sera effacée dans 7 jours.

L'équipe Open Collectivités (ANCT)
