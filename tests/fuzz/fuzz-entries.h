/* fuzz-entries.h: every parser entry point, the framing of a reply, and the mass-order and CSV
 * readers, fed the same untrusted bytes
 *
 * Shared by the libFuzzer targets (one per entry) and by the replay test that runs
 * the corpus and the regression inputs in the normal test suite.
 */
#pragma once

#include <stdint.h>
#include <string.h>

#include "smm-money.h"
#include "smm-parse.h"

typedef enum {
  FUZZ_SERVICES,
  FUZZ_ADD,
  FUZZ_STATUS,
  FUZZ_STATUS_BATCH,
  FUZZ_REFILL,
  FUZZ_REFILL_BATCH,
  FUZZ_REFILL_STATUS,
  FUZZ_REFILL_STATUS_BATCH,
  FUZZ_CANCEL_BATCH,
  FUZZ_BALANCE,
  FUZZ_ERROR_REPLY,
  FUZZ_MONEY,
  FUZZ_FRAMING,
  FUZZ_MASS_ORDER,
  FUZZ_CSV,
  FUZZ_N_ENTRIES,
} FuzzEntry;

static const char *const fuzz_entry_names[FUZZ_N_ENTRIES] = {
  "services", "add", "status", "status-batch", "refill", "refill-batch", "refill-status",
  "refill-status-batch", "cancel-batch", "balance", "error-reply", "money", "framing", "mass-order",
  "csv",
};

/* A result or an error, never both, never neither: what every caller relies on. */
#define FUZZ_CHECK(result, error)                                      \
  G_STMT_START {                                                       \
    if (((result) != 0) == ((error) != NULL))                          \
      __builtin_trap ();                                               \
  } G_STMT_END

#include "fuzz-readers.h"

static inline void
fuzz_run_entry (FuzzEntry      entry,
                const uint8_t *bytes,
                size_t         size)
{
  const char *data = (const char *) bytes;
  static const gint64 one[] = { 23501 };
  static const gint64 three[] = { 1, 10, 100 };
  GError *error = NULL;
  gint64 id = 0;

  switch (entry)
    {
    case FUZZ_SERVICES:
      {
        GPtrArray *services = smm_parse_services (data, size, NULL, &error);
        FUZZ_CHECK (services != NULL, error);
        for (guint i = 0; services && i < services->len; i++)
          if (!g_utf8_validate (smm_service_get_name (services->pdata[i]), -1, NULL))
            __builtin_trap ();
        g_clear_pointer (&services, g_ptr_array_unref);
      }
      break;
    case FUZZ_ADD:
      {
        gboolean ok = smm_parse_add (data, size, &id, &error);
        FUZZ_CHECK (ok, error);
        if (ok && id <= 0)
          __builtin_trap ();
      }
      break;
    case FUZZ_STATUS:
      {
        SmmOrder *order = smm_parse_status (data, size, 23501, &error);
        FUZZ_CHECK (order != NULL, error);
        g_clear_object (&order);
      }
      break;
    case FUZZ_STATUS_BATCH:
      {
        GPtrArray *orders = smm_parse_status_batch (data, size, size % 2 ? one : three, size % 2 ? 1 : 3, &error);
        FUZZ_CHECK (orders != NULL, error);
        g_clear_pointer (&orders, g_ptr_array_unref);
      }
      break;
    case FUZZ_REFILL:
      {
        gboolean ok = smm_parse_refill (data, size, &id, &error);
        FUZZ_CHECK (ok, error);
      }
      break;
    case FUZZ_REFILL_BATCH:
      {
        GPtrArray *refills = smm_parse_refill_batch (data, size, size % 2 ? one : three, size % 2 ? 1 : 3, &error);
        FUZZ_CHECK (refills != NULL, error);
        g_clear_pointer (&refills, g_ptr_array_unref);
      }
      break;
    case FUZZ_REFILL_STATUS:
      {
        SmmRefill *refill = smm_parse_refill_status (data, size, 7, &error);
        FUZZ_CHECK (refill != NULL, error);
        g_clear_object (&refill);
      }
      break;
    case FUZZ_REFILL_STATUS_BATCH:
      {
        GPtrArray *refills = smm_parse_refill_status_batch (data, size, size % 2 ? one : three,
                                                            size % 2 ? 1 : 3, &error);
        FUZZ_CHECK (refills != NULL, error);
        g_clear_pointer (&refills, g_ptr_array_unref);
      }
      break;
    case FUZZ_CANCEL_BATCH:
      {
        GPtrArray *results = smm_parse_cancel_batch (data, size, size % 2 ? one : three, size % 2 ? 1 : 3, &error);
        FUZZ_CHECK (results != NULL, error);
        g_clear_pointer (&results, g_ptr_array_unref);
      }
      break;
    case FUZZ_BALANCE:
      {
        SmmMoney balance;
        char *currency = NULL;
        gboolean ok = smm_parse_balance (data, size, &balance, &currency, &error);
        FUZZ_CHECK (ok, error);
        g_free (currency);
      }
      break;
    case FUZZ_ERROR_REPLY:
      error = smm_parse_error_reply (data, size);
      break;
    case FUZZ_MONEY:
      {
        char *text = g_strndup (data, MIN (size, 4096));
        SmmMoney money;
        gint64 count;
        gboolean ok = smm_money_parse (text, &money, &error);

        FUZZ_CHECK (ok, error);
        if (ok)
          {
            /* what is written back reads back the same */
            char *wire = smm_money_to_wire (money);
            SmmMoney again;
            if (!smm_money_parse (wire, &again, NULL) || again.units != money.units)
              __builtin_trap ();
            g_free (wire);
          }
        smm_parse_integer_text (text, &count);
        g_free (text);
      }
      break;
    case FUZZ_FRAMING:
      fuzz_framing (bytes, size);
      break;
    case FUZZ_MASS_ORDER:
      fuzz_mass_order (bytes, size);
      break;
    case FUZZ_CSV:
      fuzz_csv (bytes, size);
      break;
    default:
      break;
    }
  g_clear_error (&error);
}
