/* test-parse-batch.c: the batch parsers (status, refill, refill_status, cancel) against the seed
 * documents' replies and the quirks of real panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "smm-parse.h"
#include "test-parse-util.h"
#include "test-util.h"

static SmmOrder *
find_order (GPtrArray *orders,
            gint64     id)
{
  for (guint i = 0; i < orders->len; i++)
    if (smm_order_get_id (orders->pdata[i]) == id)
      return orders->pdata[i];
  return NULL;
}

static void
test_seed_status_batch (void)
{
  g_autoptr(GBytes) body = test_load ("seed", "status-batch.json");
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 1, 10, 100 };
  g_autoptr(GPtrArray) orders = smm_parse_status_batch (TEST_DATA (body), ids, 3, &error);
  SmmOrder *o;
  SmmMoney charge;

  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 3);

  o = find_order (orders, 1);
  g_assert_nonnull (o);
  g_assert_cmpint (smm_order_get_status (o), ==, SMM_ORDER_STATUS_PARTIAL);
  g_assert_true (smm_order_get_charge (o, &charge));
  assert_money (charge, "0.27819");
  g_assert_cmpint (smm_order_get_remains (o), ==, 157);

  o = find_order (orders, 10);
  g_assert_nonnull (o);
  g_assert_error ((GError *) smm_order_get_error (o), SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER);
  g_assert_false (smm_order_get_charge (o, NULL));

  o = find_order (orders, 100);
  g_assert_cmpint (smm_order_get_status (o), ==, SMM_ORDER_STATUS_IN_PROGRESS);
  g_assert_true (smm_order_get_charge (o, &charge));
  assert_money (charge, "1.44219");
  g_assert_cmpint (smm_order_get_start_count (o), ==, 234);
  g_assert_cmpint (smm_order_get_remains (o), ==, 10);
  g_assert_cmpstr (smm_order_get_currency (o), ==, "USD");
}

static void
test_seed_refill_batch (void)
{
  g_autoptr(GBytes) body = test_load ("seed", "refill-batch.json");
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 1, 2, 3 };
  g_autoptr(GPtrArray) refills = smm_parse_refill_batch (TEST_DATA (body), ids, 3, &error);
  SmmRefill *r;

  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 3);
  r = refills->pdata[0];
  g_assert_cmpint (smm_refill_get_order_id (r), ==, 1);
  g_assert_cmpint (smm_refill_get_id (r), ==, 1);
  g_assert_null (smm_refill_get_error (r));
  r = refills->pdata[1];
  g_assert_cmpint (smm_refill_get_order_id (r), ==, 2);
  g_assert_cmpint (smm_refill_get_id (r), ==, 2);
  r = refills->pdata[2];
  g_assert_cmpint (smm_refill_get_order_id (r), ==, 3);
  g_assert_cmpint (smm_refill_get_id (r), ==, 0);
  g_assert_error ((GError *) smm_refill_get_error (r), SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER);
}

static void
test_seed_refill_status_batch (void)
{
  g_autoptr(GBytes) body = test_load ("seed", "refill-status-batch.json");
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 1, 2, 3 };
  g_autoptr(GPtrArray) refills = smm_parse_refill_status_batch (TEST_DATA (body), ids, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 3);
  g_assert_cmpint (smm_refill_get_id (refills->pdata[0]), ==, 1);
  g_assert_cmpint (smm_refill_get_status (refills->pdata[0]), ==, SMM_REFILL_STATUS_COMPLETED);
  g_assert_cmpint (smm_refill_get_status (refills->pdata[1]), ==, SMM_REFILL_STATUS_REJECTED);
  g_assert_cmpint (smm_refill_get_id (refills->pdata[2]), ==, 3);
  g_assert_error ((GError *) smm_refill_get_error (refills->pdata[2]), SMM_API_ERROR,
                  SMM_API_ERROR_REFILL_NOT_FOUND);
}

static void
test_status_batch_quirks (void)
{
  g_autoptr(GError) error = NULL;

  {
    const gint64 ids[] = { 1, 10, 100 };
    g_autoptr(GBytes) body = test_load ("replies", "status-batch-list.json");
    g_autoptr(GPtrArray) orders = smm_parse_status_batch (TEST_DATA (body), ids, 3, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (orders->len, ==, 3);
    g_assert_cmpint (smm_order_get_status (find_order (orders, 1)), ==, SMM_ORDER_STATUS_PARTIAL);
    g_assert_error ((GError *) smm_order_get_error (find_order (orders, 10)), SMM_API_ERROR,
                    SMM_API_ERROR_INCORRECT_ORDER);
    g_assert_cmpint (smm_order_get_status (find_order (orders, 100)), ==, SMM_ORDER_STATUS_CANCELED);
  }
  {
    const gint64 ids[] = { 77 };
    g_autoptr(GBytes) body = test_load ("replies", "status-batch-single-form.json");
    g_autoptr(GPtrArray) orders = smm_parse_status_batch (TEST_DATA (body), ids, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (orders->len, ==, 1);
    g_assert_cmpint (smm_order_get_id (orders->pdata[0]), ==, 77);
    g_assert_cmpint (smm_order_get_status (orders->pdata[0]), ==, SMM_ORDER_STATUS_PENDING);
  }
  {
    /* the single form cannot tell which of two orders it is about */
    const gint64 ids[] = { 77, 78 };
    g_autoptr(GBytes) body = test_load ("replies", "status-batch-single-form.json");
    g_assert_null (smm_parse_status_batch (TEST_DATA (body), ids, 2, &error));
    g_assert_error (error, SMM_API_ERROR, SMM_API_ERROR_UNEXPECTED);
    g_clear_error (&error);
  }
  {
    const gint64 ids[] = { 5, 6 };
    g_autoptr(GBytes) body = test_load ("replies", "status-batch-string-error.json");
    g_autoptr(GPtrArray) orders = smm_parse_status_batch (TEST_DATA (body), ids, 2, &error);
    g_assert_no_error (error);
    g_assert_error ((GError *) smm_order_get_error (find_order (orders, 5)), SMM_API_ERROR,
                    SMM_API_ERROR_INCORRECT_ORDER);
    g_assert_cmpint (smm_order_get_status (find_order (orders, 6)), ==, SMM_ORDER_STATUS_IN_QUEUE);
  }
}

static void
test_refill_quirks (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 1, 2, 3, 4 };
  g_autoptr(GBytes) map = test_load ("replies", "refill-batch-map.json");
  g_autoptr(GPtrArray) refills = smm_parse_refill_batch (TEST_DATA (map), ids, 4, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 4);
  for (guint i = 0; i < refills->len; i++)
    {
      SmmRefill *r = refills->pdata[i];
      switch (smm_refill_get_order_id (r))
        {
        case 1: g_assert_cmpint (smm_refill_get_id (r), ==, 1); break;
        case 2: g_assert_cmpint (smm_refill_get_id (r), ==, 2); break;
        case 3: g_assert_error ((GError *) smm_refill_get_error (r), SMM_API_ERROR,
                                SMM_API_ERROR_INCORRECT_ORDER); break;
        case 4: g_assert_error ((GError *) smm_refill_get_error (r), SMM_API_ERROR,
                                SMM_API_ERROR_REFILL_DISABLED); break;
        default: g_assert_not_reached ();
        }
    }

  {
    g_autoptr(GBytes) body = test_load ("replies", "refill-number.json");
    g_assert_true (smm_parse_refill (TEST_DATA (body), &id, NULL));
    g_assert_cmpint (id, ==, 1);
  }
  {
    g_autoptr(GBytes) body = test_load ("replies", "refill-wrapped.json");
    g_assert_true (smm_parse_refill (TEST_DATA (body), &id, NULL));
    g_assert_cmpint (id, ==, 77);
  }
  {
    /* a one-id batch answered in the single form */
    const gint64 one[] = { 555 };
    g_autoptr(GBytes) body = test_load ("replies", "refill-wrapped.json");
    g_autoptr(GPtrArray) single = smm_parse_refill_batch (TEST_DATA (body), one, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (single->len, ==, 1);
    g_assert_cmpint (smm_refill_get_order_id (single->pdata[0]), ==, 555);
    g_assert_cmpint (smm_refill_get_id (single->pdata[0]), ==, 77);
  }
}

static void
test_refill_status_quirks (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 1, 2, 3, 4 };
  g_autoptr(GBytes) body = test_load ("replies", "refill-status-batch-map.json");
  g_autoptr(GPtrArray) refills = smm_parse_refill_status_batch (TEST_DATA (body), ids, 4, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (refills->len, ==, 4);
  for (guint i = 0; i < refills->len; i++)
    {
      SmmRefill *r = refills->pdata[i];
      switch (smm_refill_get_id (r))
        {
        case 1: g_assert_cmpint (smm_refill_get_status (r), ==, SMM_REFILL_STATUS_COMPLETED); break;
        case 2: g_assert_cmpint (smm_refill_get_status (r), ==, SMM_REFILL_STATUS_IN_PROGRESS); break;
        case 3:
        case 4: g_assert_error ((GError *) smm_refill_get_error (r), SMM_API_ERROR,
                                SMM_API_ERROR_REFILL_NOT_FOUND); break;
        default: g_assert_not_reached ();
        }
    }
}

static void
test_cancel_quirks (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 2, 3, 9, 10, 11 };
  g_autoptr(GBytes) map = test_load ("replies", "cancel-map.json");
  g_autoptr(GBytes) bools = test_load ("replies", "cancel-bools.json");
  g_autoptr(GPtrArray) results = smm_parse_cancel_batch (TEST_DATA (map), ids, 5, &error);
  g_autoptr(GPtrArray) results2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 5);
  for (guint i = 0; i < results->len; i++)
    {
      SmmCancelResult *r = results->pdata[i];
      gboolean should = r->order_id == 2 || r->order_id == 3;
      g_assert_cmpint (r->accepted, ==, should);
      g_assert_true ((r->error == NULL) == should);
      if (r->order_id == 9 || r->order_id == 10)
        g_assert_error (r->error, SMM_API_ERROR, SMM_API_ERROR_INCORRECT_ORDER);
    }

  results2 = smm_parse_cancel_batch (TEST_DATA (bools), ids, 2, &error);
  g_assert_no_error (error);
  g_assert_true (((SmmCancelResult *) results2->pdata[0])->accepted);
  g_assert_true (((SmmCancelResult *) results2->pdata[1])->accepted);
}

/* ------------------------------------------------------------------ every id accounted for */

/* Rows come out in the order asked; an id left out is "no answer"; an id not asked is ignored. */
static void
test_asked_order (void)
{
  g_autoptr(GBytes) body = test_load ("replies", "status-batch-scrambled.json");
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 1, 10, 100 };
  g_autoptr(GPtrArray) orders = smm_parse_status_batch (TEST_DATA (body), ids, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (smm_order_get_id (orders->pdata[i]), ==, ids[i]);
  g_assert_cmpint (smm_order_get_status (orders->pdata[0]), ==, SMM_ORDER_STATUS_PARTIAL);
  g_assert_error ((GError *) smm_order_get_error (orders->pdata[1]), SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER);
  g_assert_false (smm_api_error_is_about_item (smm_order_get_error (orders->pdata[1])));
  g_assert_cmpint (smm_order_get_status (orders->pdata[2]), ==, SMM_ORDER_STATUS_IN_PROGRESS);
}

/* The same id answered twice: the first answer counts, the second is ignored. */
static void
test_repeated_id (void)
{
  g_autoptr(GBytes) body = test_load ("replies", "status-batch-repeated.json");
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 10, 1 };
  g_autoptr(GPtrArray) orders = smm_parse_status_batch (TEST_DATA (body), ids, 2, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 2);
  g_assert_cmpint (smm_order_get_id (orders->pdata[0]), ==, 10);
  g_assert_cmpint (smm_order_get_status (orders->pdata[0]), ==, SMM_ORDER_STATUS_PENDING);
  g_assert_cmpint (smm_order_get_id (orders->pdata[1]), ==, 1);
  g_assert_cmpint (smm_order_get_status (orders->pdata[1]), ==, SMM_ORDER_STATUS_COMPLETED);
  g_assert_cmpint (smm_order_get_remains (orders->pdata[1]), ==, 0);
}

/* A single-id reply that names another id is not recorded on the id asked. */
static void
test_single_other_id (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GBytes) body = test_load ("replies", "cancel-single-other.json");
    const gint64 ids[] = { 5 };
    g_autoptr(GPtrArray) results = smm_parse_cancel_batch (TEST_DATA (body), ids, 1, &error);
    SmmCancelResult *r;

    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
    r = results->pdata[0];
    g_assert_cmpint (r->order_id, ==, 5);
    g_assert_false (r->accepted);
    g_assert_error (r->error, SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER);
  }
  {
    g_autoptr(GBytes) body = test_load ("replies", "refill-status-single-other.json");
    const gint64 ids[] = { 7 };
    g_autoptr(GPtrArray) refills = smm_parse_refill_status_batch (TEST_DATA (body), ids, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (refills->len, ==, 1);
    g_assert_cmpint (smm_refill_get_id (refills->pdata[0]), ==, 7);
    g_assert_error ((GError *) smm_refill_get_error (refills->pdata[0]), SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER);
  }
  {
    const gint64 ids[] = { 3, 1, 2 };
    const char *body = "[{\"order\":2,\"refill\":12},{\"order\":1,\"refill\":11}]";
    g_autoptr(GPtrArray) refills = smm_parse_refill_batch (body, strlen (body), ids, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (refills->len, ==, 3);
    g_assert_cmpint (smm_refill_get_order_id (refills->pdata[0]), ==, 3);
    g_assert_error ((GError *) smm_refill_get_error (refills->pdata[0]), SMM_API_ERROR, SMM_API_ERROR_NO_ANSWER);
    g_assert_cmpint (smm_refill_get_id (refills->pdata[1]), ==, 11);
    g_assert_cmpint (smm_refill_get_id (refills->pdata[2]), ==, 12);
  }
}

/* {"1":"Canceled","2":"Already completed"} and a bare {"ok":"true"} */
static void
test_cancel_words (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GBytes) body = test_load ("replies", "cancel-map-strings.json");
    const gint64 ids[] = { 567890124, 567890123 };
    g_autoptr(GPtrArray) results = smm_parse_cancel_batch (TEST_DATA (body), ids, 2, &error);
    SmmCancelResult *r;

    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 2);
    r = results->pdata[0];
    g_assert_cmpint (r->order_id, ==, 567890124);
    g_assert_false (r->accepted);
    g_assert_error (r->error, SMM_API_ERROR, SMM_API_ERROR_CANNOT_CANCEL);
    g_assert_cmpstr (smm_api_error_get_panel_text (r->error), ==, "Already completed");
    r = results->pdata[1];
    g_assert_cmpint (r->order_id, ==, 567890123);
    g_assert_true (r->accepted);
    g_assert_no_error (r->error);
  }
  {
    g_autoptr(GBytes) body = test_load ("replies", "cancel-ok.json");
    const gint64 ids[] = { 4, 5 };
    g_autoptr(GPtrArray) results = smm_parse_cancel_batch (TEST_DATA (body), ids, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        SmmCancelResult *r = results->pdata[i];
        g_assert_cmpint (r->order_id, ==, ids[i]);
        g_assert_true (r->accepted);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/parse/seed/status-batch", test_seed_status_batch);
  g_test_add_func ("/core/parse/seed/refill-batch", test_seed_refill_batch);
  g_test_add_func ("/core/parse/seed/refill-status-batch", test_seed_refill_status_batch);
  g_test_add_func ("/core/parse/status-batch/quirks", test_status_batch_quirks);
  g_test_add_func ("/core/parse/refill/quirks", test_refill_quirks);
  g_test_add_func ("/core/parse/refill-status/quirks", test_refill_status_quirks);
  g_test_add_func ("/core/parse/cancel/quirks", test_cancel_quirks);
  g_test_add_func ("/core/parse/batch/asked-order", test_asked_order);
  g_test_add_func ("/core/parse/batch/repeated-id", test_repeated_id);
  g_test_add_func ("/core/parse/batch/single-other-id", test_single_other_id);
  g_test_add_func ("/core/parse/cancel/words", test_cancel_words);

  return g_test_run ();
}
