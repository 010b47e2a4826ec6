/* smm-order-subscription.c: what a subscription is at: its posts and expiry, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "smm-order.h"

/* The panel's expiry, "2027-01-31" (or "31/01/2027", as `add` takes it), as a reader's date; any
 * other text as the panel wrote it */
static char *
expiry_text (const char *expiry)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char tail;

  if (sscanf (expiry, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 ||
      sscanf (expiry, "%2d/%2d/%4d%c", &day, &month, &year, &tail) == 3)
    date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (expiry);
  /* TRANSLATORS: a subscription's last day, as in "31 Jan 2027"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/**
 * smm_order_dup_subscription_summary:
 *
 * Returns: (transfer full) (nullable): "3 posts, until 31 Jan 2027", as much as the panel told;
 *   %NULL when it told neither or this is not a subscription
 */
char *
smm_order_dup_subscription_summary (SmmOrder *self)
{
  gint64 posts = smm_order_get_posts (self);
  const char *expiry = smm_order_get_expiry (self);
  g_autofree char *posts_text = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (SMM_IS_ORDER (self), NULL);

  if (!smm_order_is_subscription (self))
    return NULL;
  if (posts >= 0)
    {
      guint n = (guint) MIN (posts, (gint64) G_MAXUINT);
      posts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post", "%u posts", n), n);
    }
  if (expiry != NULL)
    {
      g_autofree char *date = expiry_text (expiry);
      /* TRANSLATORS: a subscription's expiry, as in "until 31 Jan 2027" */
      until = g_strdup_printf (_("until %s"), date);
    }
  if (posts_text && until)
    /* TRANSLATORS: a subscription's posts and expiry, as in "3 posts, until 31 Jan 2027" */
    return g_strdup_printf (_("%s, %s"), posts_text, until);
  return g_strdup (posts_text ? posts_text : until);
}
