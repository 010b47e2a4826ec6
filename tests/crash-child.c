/* crash-child.c: places orders one after another until it is killed (for test-crash) */
#include "config.h"

#include <unistd.h>

#include "smm-test-fixture.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = NULL;
  g_autoptr(SmmClient) client = NULL;
  g_autoptr(SmmClientPool) pool = smm_client_pool_new (NULL);
  g_autoptr(SmmOrderActions) actions = NULL;
  g_autoptr(SmmAccount) account = NULL;
  g_autoptr(SmmService) service = smm_service_new (1, "Instagram Followers");

  if (argc != 3)
    return 2;
  store = smm_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  account = smm_store_find_account (store, "crash", NULL);
  if (account == NULL)
    account = smm_store_add_account (store, "crash", argv[2], &error);
  if (account == NULL)
    g_error ("%s", error->message);

  client = smm_client_new (argv[2], &error);
  smm_client_set_key (client, g_getenv ("SMM_API_KEY"));
  smm_client_pool_set_client (pool, smm_account_get_id (account), client);
  actions = smm_order_actions_new (store, pool);
  smm_service_set_rate (service, (SmmMoney) { 90000000 });

  for (guint n = 0;; n++)
    {
      g_autofree char *link = g_strdup_printf ("https://instagram.com/crash-%d-%u", getpid (), n);
      g_autoptr(SmmOrderRequest) request = smm_test_request_new (service, link, "100");
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(SmmPlacement) placement = smm_placement_new (actions, smm_account_get_id (account), service, request);
      g_autoptr(GError) place_error = NULL;

      smm_placement_run_async (placement, NULL, smm_test_result_cb, &result);
      smm_placement_run_finish (placement, smm_test_wait_result (&result), &place_error);
    }
  return 0;
}
