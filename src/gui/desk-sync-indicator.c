/* desk-sync-indicator.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskSyncIndicator is the header's button that says where the sync stands: up to date (when
 * last, in its tooltip), syncing (a spinner, and the progress in its popover), offline or failed
 * (why, and Retry), conflicts to resolve (how many, beside the icon). It follows its
 * DeskSyncClient's properties and says in words what the icon shows, for the tooltip and for
 * screen readers; the popover's buttons are the window's actions (win.sync, win.show-conflicts)
 * and the Sync preferences. */

#define G_LOG_DOMAIN "desk-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-history-text.h"
#include "desk-sync-indicator.h"

struct _DeskSyncIndicator
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkMenuButton  *button;
  GtkImage       *icon;
  GtkSpinner     *spinner;
  GtkLabel       *count_label;
  GtkLabel       *title_label;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
  GtkButton      *sync_button;
  GtkWidget      *conflicts_button;

  /* Owned */
  GSignalGroup   *client_signals;
};

G_DEFINE_FINAL_TYPE (DeskSyncIndicator, desk_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

/* Returns: (transfer full): "Last synced: Today, 09:30", or %NULL before the first sync */
static char *
describe_last_sync (gint64 last_sync)
{
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (last_sync <= 0)
    return NULL;

  day = desk_history_day_label (last_sync, g_get_real_time () / G_USEC_PER_SEC);
  time = desk_history_time_label (last_sync);
  /* Translators: the day, e.g. "Today", and the time of the last sync that went through */
  return g_strdup_printf (_("Last synced: %s, %s"), day, time);
}

static void
update (DeskSyncIndicator *self)
{
  g_autoptr(DeskSyncClient) client = g_signal_group_dup_target (self->client_signals);
  DeskSyncState state = client ? desk_sync_client_get_state (client) : DESK_SYNC_STATE_IDLE;
  gint64 n_conflicts = client ? desk_sync_client_get_n_conflicts (client) : 0;
  gint64 n_pending = client ? desk_sync_client_get_n_pending (client) : 0;
  const char *message = client ? desk_sync_client_get_message (client) : NULL;
  double progress = client ? desk_sync_client_get_progress (client) : 0.0;
  g_autofree char *last = describe_last_sync (client ? desk_sync_client_get_last_sync (client)
                                                     : 0);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon_name = "emblem-synchronizing-symbolic";
  gboolean syncing = state == DESK_SYNC_STATE_SYNCING;
  gboolean failed = state == DESK_SYNC_STATE_OFFLINE || state == DESK_SYNC_STATE_ERROR;

  if (n_pending > 0)
    pending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%lld change of yours waits to be sent.",
                                            "%lld changes of yours wait to be sent.", n_pending),
                               (long long) n_pending);

  if (syncing)
    {
      title = g_strdup (_("Syncing…"));
      /* Translators: how far a sync has come */
      detail = message ? g_strdup (message)
                       : g_strdup_printf (_("%d %% done"), (int) (progress * 100));
    }
  else if (failed)
    {
      gboolean offline = state == DESK_SYNC_STATE_OFFLINE;

      icon_name = offline ? "network-offline-symbolic" : "dialog-error-symbolic";
      title = g_strdup (offline ? _("Offline") : _("Sync Failed"));
      detail = g_strjoin (" ", message ? message : "", pending ? pending : "", NULL);
    }
  else if (n_conflicts > 0)
    {
      icon_name = "dialog-warning-symbolic";
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%lld Conflict to Resolve",
                                            "%lld Conflicts to Resolve", n_conflicts),
                               (long long) n_conflicts);
      detail = g_strdup (_("Someone else changed the same fields as you did. Choose which "
                           "values to keep."));
      count = g_strdup_printf ("%lld", (long long) n_conflicts);
    }
  else if (state == DESK_SYNC_STATE_UP_TO_DATE)
    {
      icon_name = "emblem-ok-symbolic";
      title = g_strdup (_("Up to Date"));
      detail = g_strjoin (" ", last ? last : "", pending ? pending : "", NULL);
    }
  else
    {
      title = g_strdup (_("Not Synced Yet"));
      detail = g_strjoin (" ", last ? last : _("This computer has not synced yet."),
                          pending ? pending : "", NULL);
    }

  g_strstrip (detail);

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), syncing);
  gtk_spinner_set_spinning (self->spinner, syncing);
  if (state == DESK_SYNC_STATE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "error");
  if (count != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "warning");
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count != NULL);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *detail != '\0');
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), !syncing);
  gtk_button_set_label (self->sync_button, failed ? _("_Retry") : _("_Sync Now"));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self->sync_button));
  gtk_widget_set_visible (self->conflicts_button, n_conflicts > 0);

  /* Translators: the sync indicator's name for screen readers, e.g. "Sync: Up to Date" */
  label = g_strdup_printf (_("Sync: %s"), title);
  tooltip = *detail != '\0' ? g_strdup_printf ("%s\n%s", title, detail) : g_strdup (title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail,
                                  -1);
}

/* }}} */
/* Callbacks {{{ */

static void
on_popover_button_clicked_cb (DeskSyncIndicator *self)
{
  gtk_menu_button_popdown (self->button);
}

/* }}} */
/* GObject {{{ */

static void
desk_sync_indicator_dispose (GObject *object)
{
  DeskSyncIndicator *self = DESK_SYNC_INDICATOR (object);

  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SYNC_INDICATOR);

  g_clear_object (&self->client_signals);

  G_OBJECT_CLASS (desk_sync_indicator_parent_class)->dispose (object);
}

static void
desk_sync_indicator_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskSyncIndicator *self = DESK_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_take_object (value, g_signal_group_dup_target (self->client_signals));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_sync_indicator_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskSyncIndicator *self = DESK_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      desk_sync_indicator_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_sync_indicator_class_init (DeskSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_sync_indicator_dispose;
  object_class->get_property = desk_sync_indicator_get_property;
  object_class->set_property = desk_sync_indicator_set_property;

  /**
   * DeskSyncIndicator:client:
   *
   * The sync client whose state the indicator shows.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         DESK_TYPE_SYNC_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, detail_label);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, sync_button);
  gtk_widget_class_bind_template_child (widget_class, DeskSyncIndicator, conflicts_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_button_clicked_cb);
}

static void
desk_sync_indicator_init (DeskSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->client_signals = g_signal_group_new (DESK_TYPE_SYNC_CLIENT);
  g_signal_group_connect_object (self->client_signals, "notify",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* }}} */
/* Public API {{{ */

void
desk_sync_indicator_set_client (DeskSyncIndicator *self,
                                DeskSyncClient    *client)
{
  g_autoptr(DeskSyncClient) current = NULL;

  g_return_if_fail (DESK_IS_SYNC_INDICATOR (self));
  g_return_if_fail (client == NULL || DESK_IS_SYNC_CLIENT (client));

  current = g_signal_group_dup_target (self->client_signals);
  if (current == client)
    return;

  g_signal_group_set_target (self->client_signals, client);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/* Returns: what the indicator says, e.g. "Up to Date" */
const char *
desk_sync_indicator_get_title (DeskSyncIndicator *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_INDICATOR (self), NULL);

  return gtk_label_get_label (self->title_label);
}

/* Returns: the indicator's details: why it failed, when it last synced */
const char *
desk_sync_indicator_get_detail (DeskSyncIndicator *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_INDICATOR (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

/* }}} */
