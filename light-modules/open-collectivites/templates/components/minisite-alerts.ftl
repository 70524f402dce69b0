<section class="fr-my-3w">
  <h2>${component.title?has_content?then(component.title, i18n("minisites.alerts.title"))}</h2>
  <p><a class="fr-link" href="/.rest/open-collectivites/v1/editorial/alerts.rss">${i18n("minisites.alerts.feed")}</a></p>
</section>
