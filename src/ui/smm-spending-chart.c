/* smm-spending-chart.c: a bar chart of money spent, one bar a period
 *
 * Drawn with GtkSnapshot: a grid with amounts in the user's number format on the
 * left, a label under each bar (fewer when they would overlap). Colours follow the
 * light or dark style. Amounts are exact (SmmMoney); a double is used only for
 * the geometry. What the chart says in words is the page's business (a summary
 * label and the accessible description).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-spending-chart"

#include "config.h"

#include <adwaita.h>

#include "smm-spending-chart.h"

#define N_GRID_LINES 4
#define PADDING      12
#define LABEL_GAP    6

typedef struct {
  char     *label;
  SmmMoney  amount;
} Bar;

struct _SmmSpendingChart
{
  GtkWidget  parent_instance;

  GArray    *bars;       /* of Bar */
  char      *currency;
};

G_DEFINE_FINAL_TYPE (SmmSpendingChart, smm_spending_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
}

/* 1, 2 or 5 times a power of ten, at least @units (of SmmMoney) */
static gint64
nice_ceiling (gint64 units)
{
  gint64 power = 1;

  if (units <= 0)
    return SMM_MONEY_SCALE;
  while (power <= units / 10)
    power *= 10;
  if (units <= power)
    return power;
  if (units <= 2 * power)
    return 2 * power;
  if (units <= 5 * power)
    return 5 * power;
  return 10 * power;
}

static void
colors (SmmSpendingChart *self,
        GdkRGBA          *text,
        GdkRGBA          *grid,
        GdkRGBA          *bar)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* libadwaita's window foreground and accent, light and dark */
  if (dark)
    {
      *text = (GdkRGBA) { 1, 1, 1, 0.8 };
      *bar = (GdkRGBA) { 0x78 / 255.0, 0xae / 255.0, 0xed / 255.0, 1 };
    }
  else
    {
      *text = (GdkRGBA) { 0, 0, 0, 0.8 };
      *bar = (GdkRGBA) { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 };
    }
  *grid = *text;
  grid->alpha = 0.15;
}

static void
draw_layout (GtkSnapshot    *snapshot,
             PangoLayout    *layout,
             float           x,
             float           y,
             const GdkRGBA  *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
smm_spending_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SmmSpendingChart *self = SMM_SPENDING_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA text_color, grid_color, bar_color;
  gint64 max = 0, top;
  int label_width = 0, label_height = 0, left, bottom, plot_width, plot_height;
  double slot;
  guint every = 1;

  if (self->bars->len == 0 || width <= 0 || height <= 0)
    return;
  colors (self, &text_color, &grid_color, &bar_color);

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).amount.units);
  top = nice_ceiling (max);

  /* the widest amount on the left decides where the plot begins */
  for (guint g = 0; g <= N_GRID_LINES; g++)
    {
      SmmMoney tick = smm_money_from_units (top / N_GRID_LINES * g);
      g_autofree char *text = smm_money_format (tick, top < 4 * SMM_MONEY_SCALE ? 2 : 0, 2);
      int w, h;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      label_width = MAX (label_width, w);
      label_height = MAX (label_height, h);
    }
  left = PADDING + label_width + LABEL_GAP;
  bottom = height - PADDING - label_height - LABEL_GAP;
  plot_width = width - left - PADDING;
  plot_height = bottom - PADDING - label_height / 2;
  if (plot_width <= 0 || plot_height <= 0)
    return;

  /* the grid, and its amounts */
  for (guint g = 0; g <= N_GRID_LINES; g++)
    {
      SmmMoney tick = smm_money_from_units (top / N_GRID_LINES * g);
      g_autofree char *text = smm_money_format (tick, top < 4 * SMM_MONEY_SCALE ? 2 : 0, 2);
      float y = bottom - (float) plot_height * g / N_GRID_LINES;
      int w, h;

      gtk_snapshot_append_color (snapshot, g == 0 ? &text_color : &grid_color,
                                 &GRAPHENE_RECT_INIT (left, y - (g == 0 ? 0.5 : 0), plot_width, g == 0 ? 1.5 : 1));
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_layout (snapshot, layout, left - LABEL_GAP - w, y - h / 2.0, &text_color);
    }

  /* the bars, and a label under as many as fit */
  slot = (double) plot_width / self->bars->len;
  {
    int widest = 0;

    for (guint i = 0; i < self->bars->len; i++)
      {
        int w, h;

        pango_layout_set_text (layout, g_array_index (self->bars, Bar, i).label, -1);
        pango_layout_get_pixel_size (layout, &w, &h);
        widest = MAX (widest, w);
      }
    while (every < self->bars->len && slot * every < widest + LABEL_GAP)
      every++;
  }
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      float bar_height = bar->amount.units > 0 ? MAX (1, (float) plot_height * bar->amount.units / top) : 0;
      float bar_width = MAX (1, slot * 0.7);
      float x = left + slot * i + (slot - bar_width) / 2;

      if (bar_height > 0)
        {
          GskRoundedRect rounded;

          gsk_rounded_rect_init (&rounded, &GRAPHENE_RECT_INIT (x, bottom - bar_height, bar_width, bar_height),
                                 &GRAPHENE_SIZE_INIT (MIN (3, bar_width / 2), MIN (3, bar_width / 2)),
                                 &GRAPHENE_SIZE_INIT (MIN (3, bar_width / 2), MIN (3, bar_width / 2)),
                                 &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &bar_color, &rounded.bounds);
          gtk_snapshot_pop (snapshot);
        }
      /* the newest bar is always labelled */
      if ((self->bars->len - 1 - i) % every == 0)
        {
          int w, h;

          pango_layout_set_text (layout, bar->label, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          draw_layout (snapshot, layout, left + slot * i + (slot - w) / 2, bottom + LABEL_GAP, &text_color);
        }
    }
}

static void
smm_spending_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 160;
      *natural = 260;
    }
}

static void
smm_spending_chart_finalize (GObject *object)
{
  SmmSpendingChart *self = SMM_SPENDING_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (smm_spending_chart_parent_class)->finalize (object);
}

static void
smm_spending_chart_class_init (SmmSpendingChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = smm_spending_chart_finalize;
  widget_class->snapshot = smm_spending_chart_snapshot;
  widget_class->measure = smm_spending_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "spending-chart");
}

static void
smm_spending_chart_init (SmmSpendingChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
smm_spending_chart_new (void)
{
  return g_object_new (SMM_TYPE_SPENDING_CHART, NULL);
}

void
smm_spending_chart_clear (SmmSpendingChart *self)
{
  g_array_set_size (self->bars, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Adds a bar on the right. */
void
smm_spending_chart_add_bar (SmmSpendingChart *self,
                            const char       *label,
                            SmmMoney          amount)
{
  Bar bar = { g_strdup (label), amount };

  g_array_append_val (self->bars, bar);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
smm_spending_chart_set_currency (SmmSpendingChart *self,
                                 const char       *currency)
{
  g_free (self->currency);
  self->currency = g_strdup (currency);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
smm_spending_chart_get_n_bars (SmmSpendingChart *self)
{
  return self->bars->len;
}
