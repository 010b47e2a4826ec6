/* test-client-util.h: the client tests' fixture: a simulator, a client that talks to it, waiting for results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-client.h"
#include "smm-sim.h"

#define SECRET_KEY "TEST-SECRET-KEY-4242"

typedef struct {
  SmmSim       *sim;
  SmmClient    *client;
  GAsyncResult *result;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean quirks = GPOINTER_TO_INT (data);

  f->sim = smm_sim_new ();
  smm_sim_set_key (f->sim, SECRET_KEY);
  smm_sim_set_quirks (f->sim, quirks);
  g_assert_true (smm_sim_start (f->sim, 0, &error));
  g_assert_no_error (error);

  g_autofree char *url = smm_sim_dup_url (f->sim);
  f->client = smm_client_new (url, &error);
  g_assert_no_error (error);
  smm_client_set_key (f->client, SECRET_KEY);
  smm_client_set_retry (f->client, 3, 10, 50);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer weak = f->client;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_clear_object (&f->result);
  /* the last reference may still be on its way back from the parsing thread */
  g_object_add_weak_pointer (weak, &weak);
  g_object_unref (f->client);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (weak);
  smm_sim_stop (f->sim);
  g_assert_finalize_object (f->sim);
}

static inline void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Fixture *f = data;

  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

static inline GAsyncResult *
wait_result (Fixture *f)
{
  g_clear_object (&f->result);
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return f->result;
}

static inline gint64
add (Fixture    *f,
     gint64      service_id,
     const char *link,
     const char *quantity,
     GError    **error)
{
  g_autoptr(SmmOrderRequest) request = smm_order_request_new (service_id, SMM_SERVICE_TYPE_DEFAULT);

  smm_order_request_set (request, SMM_FIELD_LINK, link);
  smm_order_request_set (request, SMM_FIELD_QUANTITY, quantity);
  smm_client_add_async (f->client, request, NULL, result_cb, f);
  return smm_client_add_finish (f->client, wait_result (f), error);
}

static inline GPtrArray *
status (Fixture      *f,
        const gint64 *ids,
        guint         n_ids,
        GError      **error)
{
  smm_client_status_async (f->client, ids, n_ids, NULL, result_cb, f);
  return smm_client_status_finish (f->client, wait_result (f), error);
}

/* a test of the client against a fresh simulator, with the panels' quirks or without */
#define ADD(path, func, quirks) \
  g_test_add ("/core/client/" path, Fixture, GINT_TO_POINTER (quirks), fixture_set_up, func, fixture_tear_down)
