/* smm-cli-private.h: what the files of smm-desk-cli share: its state, exit statuses, helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "smm-client.h"
#include "smm-placement.h"
#include "smm-secrets.h"
#include "smm-sim.h"
#include "smm-store.h"
#include "smm-tracker.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_API = 1,
  EXIT_USAGE = 2,
};

/* In the client pool of --url and --demo, the one panel's account: there is no history */
#define SMM_CLI_NO_ACCOUNT 0

typedef struct {
  SmmClient       *client;
  SmmSim          *sim;
  SmmStore        *store;
  SmmTracker      *tracker;
  SmmClientPool   *pool;
  SmmOrderActions *actions;
  SmmSecrets      *secrets;
  SmmAccount      *account;   /* with --account: every action is written into the history */
  GAsyncResult    *result;
  int              action;    /* in smm-cli.c's table of actions */

  /* the global options, before the action or among its own */
  char            *url;
  char            *account_name;
  gboolean         demo;
  gboolean         json;
  gboolean         key_stdin;
  gboolean         version;
} SmmCli;

typedef struct {
  guint      n_columns;
  GPtrArray *rows;   /* of GStrv */
} SmmCliTable;

/* smm-cli.c: the options (global ones included), then opening what the action needs */
gboolean smm_cli_start (SmmCli               *cli,
                        GOptionContext       *context,
                        const GOptionEntry   *entries,
                        int                  *argc,
                        char               ***argv,
                        int                  *status);

gint64 smm_cli_get_account_id (SmmCli *cli);

/* smm-cli.c: errors, waiting for the async calls, the API key */
int           smm_cli_usage_error  (const char   *format,
                                    ...) G_GNUC_PRINTF (1, 2);
int           smm_cli_api_error    (const GError *error);
void          smm_cli_result_cb    (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      data);
GAsyncResult *smm_cli_wait_result  (SmmCli       *cli);
void          smm_cli_clear_result (SmmCli       *cli);
char         *smm_cli_read_key     (gboolean      key_stdin);

/* smm-cli-output.c: tables, JSON and the terminal's formats */
SmmCliTable *smm_cli_table_new          (const char   *first,
                                         ...);
void         smm_cli_table_add          (SmmCliTable  *table,
                                         ...);
void         smm_cli_table_print_free   (SmmCliTable  *table);
char        *smm_cli_shorten            (const char   *text,
                                         guint         max_chars);
void         smm_cli_print_json         (JsonBuilder  *builder);
void         smm_cli_json_add_string    (JsonBuilder  *builder,
                                         const char   *name,
                                         const char   *value);
void         smm_cli_json_add_int       (JsonBuilder  *builder,
                                         const char   *name,
                                         gint64        value);
void         smm_cli_json_add_null      (JsonBuilder  *builder,
                                         const char   *name);
void         smm_cli_json_add_text      (JsonBuilder  *builder,
                                         const char   *name,
                                         const char   *value);
void         smm_cli_json_add_count     (JsonBuilder  *builder,
                                         const char   *name,
                                         gint64        value);
void         smm_cli_json_add_tristate  (JsonBuilder  *builder,
                                         const char   *name,
                                         SmmTristate   value);
void         smm_cli_json_add_boolean   (JsonBuilder  *builder,
                                         const char   *name,
                                         gboolean      value);
void         smm_cli_json_add_money     (JsonBuilder  *builder,
                                         const char   *name,
                                         SmmMoney      money);
void         smm_cli_json_add_error     (JsonBuilder  *builder,
                                         const GError *error);
const char  *smm_cli_yes_no             (SmmTristate   value);
const char  *smm_cli_order_status_label (SmmOrder     *order);
char        *smm_cli_order_status_text  (SmmOrder     *order);
void         smm_cli_json_add_subscription (JsonBuilder *builder,
                                            SmmOrder    *order);
char        *smm_cli_count_text         (gint64        value);
char        *smm_cli_money_text         (SmmMoney      money,
                                         const char   *currency);
GHashTable  *smm_cli_account_names      (SmmCli       *cli);
const char  *smm_cli_account_name_of    (GHashTable   *names,
                                         gint64        account_id);

/* smm-cli-panel.c: the actions on one panel */
GPtrArray  *smm_cli_fetch_services    (SmmCli      *cli,
                                       GError     **error);
SmmService *smm_cli_find_service      (GPtrArray   *services,
                                       gint64       service_id);
gboolean    smm_cli_fetch_balance     (SmmCli      *cli,
                                       SmmMoney    *balance,
                                       char       **currency,
                                       GError     **error);
GArray     *smm_cli_parse_ids         (SmmCli      *cli,
                                       const char  *parameter_string,
                                       int          argc,
                                       char       **argv,
                                       int         *status);
int         smm_cli_run_services      (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);
int         smm_cli_run_add           (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);
int         smm_cli_run_status        (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);
int         smm_cli_run_refill        (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);
int         smm_cli_run_refill_status (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);
int         smm_cli_run_cancel        (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);
int         smm_cli_run_balance       (SmmCli      *cli,
                                       int          argc,
                                       char       **argv);

/* smm-cli-accounts.c: the saved accounts */
int smm_cli_run_accounts (SmmCli  *cli,
                          int      argc,
                          char   **argv);

/* smm-cli-history.c: the order history */
int smm_cli_run_orders  (SmmCli  *cli,
                         int      argc,
                         char   **argv);
int smm_cli_run_track   (SmmCli  *cli,
                         int      argc,
                         char   **argv);
int smm_cli_run_import  (SmmCli  *cli,
                         int      argc,
                         char   **argv);
int smm_cli_run_attach  (SmmCli  *cli,
                         int      argc,
                         char   **argv);
int smm_cli_run_resolve (SmmCli  *cli,
                         int      argc,
                         char   **argv);
int smm_cli_run_export  (SmmCli  *cli,
                         int      argc,
                         char   **argv);

/* smm-cli-backup.c: copies of the order history */
int smm_cli_run_backup  (SmmCli  *cli,
                         int      argc,
                         char   **argv);
int smm_cli_run_restore (SmmCli  *cli,
                         int      argc,
                         char   **argv);

/* smm-cli-mass-order.c: many orders from a file */
int smm_cli_run_mass_order (SmmCli  *cli,
                            int      argc,
                            char   **argv);

/* smm-cli-reports.c: what the saved history tells */
int smm_cli_run_compare  (SmmCli  *cli,
                          int      argc,
                          char   **argv);
int smm_cli_run_changes  (SmmCli  *cli,
                          int      argc,
                          char   **argv);
int smm_cli_run_spending (SmmCli  *cli,
                          int      argc,
                          char   **argv);

G_END_DECLS
