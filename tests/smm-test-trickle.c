/* smm-test-trickle.c: a panel that answers a byte at a time, for the client's deadlines
 *
 * Each request is answered "200 OK" at once, with a body said to be a megabyte long, of which
 * one space comes every interval: the connection is never idle long enough for a timeout,
 * and the answer never ends. Each connection has a thread of its own (the main context stays
 * the client's); the threads end when the client hangs up, or when the panel is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "smm-test-trickle.h"

#define HEADERS "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n"

struct _SmmTestTrickle
{
  GSocketService *service;
  guint16         port;
  guint           interval_ms;
  guint           n_requests;   /* atomic */
  guint           n_running;    /* atomic: connections still being answered */
  gboolean        stopping;     /* atomic */
};

/* Reads the request's head; its body (the form) does not matter. */
static gboolean
read_head (GInputStream *input)
{
  char buffer[4096];
  gsize len = 0;

  while (len < sizeof buffer - 1)
    {
      gssize n = g_input_stream_read (input, buffer + len, 1, NULL, NULL);

      if (n <= 0)
        return FALSE;
      len += (gsize) n;
      buffer[len] = '\0';
      if (len >= 4 && strcmp (buffer + len - 4, "\r\n\r\n") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                data)
{
  SmmTestTrickle *self = data;
  GInputStream *input = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_atomic_int_inc (&self->n_running);
  if (read_head (input))
    {
      g_atomic_int_inc (&self->n_requests);
      if (g_output_stream_write_all (output, HEADERS, strlen (HEADERS), NULL, NULL, NULL))
        while (!g_atomic_int_get (&self->stopping) &&
               g_output_stream_write_all (output, " ", 1, NULL, NULL, NULL))
          g_usleep (self->interval_ms * 1000);
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_atomic_int_dec_and_test (&self->n_running);
  return TRUE;
}

/* @interval_ms: the time between two bytes */
SmmTestTrickle *
smm_test_trickle_new (guint interval_ms)
{
  SmmTestTrickle *self = g_new0 (SmmTestTrickle, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  self->interval_ms = interval_ms;
  self->service = g_threaded_socket_service_new (8);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (self->service, "run", G_CALLBACK (run_cb), self);
  g_socket_service_start (self->service);
  return self;
}

/* Ends every answer, and waits for their threads. */
void
smm_test_trickle_free (SmmTestTrickle *self)
{
  g_atomic_int_set (&self->stopping, TRUE);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  while (g_atomic_int_get (&self->n_running) > 0)
    g_usleep (1000);
  g_clear_object (&self->service);
  g_free (self);
}

/* Returns: the panel's API address */
char *
smm_test_trickle_dup_url (SmmTestTrickle *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u/api/v2", self->port);
}

/* Returns: how many requests came (each attempt of the client is one) */
guint
smm_test_trickle_count (SmmTestTrickle *self)
{
  return g_atomic_int_get (&self->n_requests);
}
