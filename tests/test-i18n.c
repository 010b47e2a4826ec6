/* test-i18n.c: with LANGUAGE=tr, SMM Desk speaks Turkish: the built catalogue, loaded from the build tree */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "smm-api-error.h"
#include "smm-order.h"
#include "smm-service-type.h"

static void
test_turkish (void)
{
  g_autoptr(GError) funds = smm_api_error_from_panel_text ("Not enough funds on balance");
  g_autoptr(GError) minimum = smm_api_error_from_panel_text ("Quantity less than minimal 50");
  g_autoptr(GError) key = smm_api_error_from_panel_text ("neworder.error.not_enough_funds");

  /* the GUI's words */
  g_assert_cmpstr (_("Services"), ==, "Hizmetler");
  g_assert_cmpstr (_("Orders"), ==, "Siparişler");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "noun", "Refills"), ==, "Telafiler");
  /* the panel's errors, mapped to SMM Desk's own, in Turkish */
  g_assert_nonnull (strstr (funds->message, "bakiye"));
  g_assert_nonnull (strstr (minimum->message, "50"));
  g_assert_cmpstr (key->message, ==, funds->message);
  /* statuses and service types */
  g_assert_cmpstr (smm_order_status_get_label (SMM_ORDER_STATUS_COMPLETED), ==, "Tamamlandı");
  g_assert_cmpstr (smm_order_status_get_label (SMM_ORDER_STATUS_PARTIAL), ==, "Kısmi");
  g_assert_cmpstr (smm_service_type_get_label (SMM_SERVICE_TYPE_CUSTOM_COMMENTS), ==, "Özel Yorumlar");
  g_assert_cmpstr (smm_order_status_get_label (SMM_ORDER_STATUS_ACTIVE), ==, "Süren");
  g_assert_cmpstr (smm_order_status_get_label (SMM_ORDER_STATUS_PAUSED), ==, "Duraklatıldı");
  g_assert_cmpstr (smm_order_status_get_label (SMM_ORDER_STATUS_EXPIRED), ==, "Süresi doldu");
  /* what a subscription is at */
  {
    g_autoptr(SmmOrder) subscription = smm_order_new (1);
    g_autofree char *posts = NULL;
    g_autofree char *until = NULL;

    smm_order_set_posts (subscription, 3);
    posts = smm_order_dup_subscription_summary (subscription);
    g_assert_cmpstr (posts, ==, "3 gönderi");
    smm_order_set_expiry (subscription, "2027-01-31");
    until = smm_order_dup_subscription_summary (subscription);
    g_assert_true (g_str_has_prefix (until, "3 gönderi, 31 "));
    g_assert_true (g_str_has_suffix (until, " 2027 tarihine kadar"));
  }
  /* plural forms */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", 5), ==, "%u hizmet");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("SMM_DESK_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  /* LANGUAGE picks Turkish, but gettext ignores it under the C locale, and glibc 2.41 counts
   * C.UTF-8 as C: a real locale is needed (build-aux/setup makes tr_TR.UTF-8) */
  g_setenv ("LANGUAGE", "tr", TRUE);
  if (setlocale (LC_ALL, "tr_TR.UTF-8") == NULL)
    {
      g_print ("1..0 # SKIP the tr_TR.UTF-8 locale is not installed\n");
      return 77;
    }
  if (localedir == NULL)
    {
      g_printerr ("SMM_DESK_LOCALEDIR is not set\n");
      return 2;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/i18n/turkish", test_turkish);
  return g_test_run ();
}
