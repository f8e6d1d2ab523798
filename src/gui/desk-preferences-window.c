/* desk-preferences-window.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskPreferencesWindow edits the application's GSettings directly: every row is bound to its
 * key, so a change applies at once and there is nothing to save. Whoever uses a key follows it
 * (DeskApplication gives the store the name for the audit log and sets the color scheme). */

#define G_LOG_DOMAIN "desk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-labels.h"
#include "desk-types.h"
#include "desk-preferences-window.h"

struct _DeskPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *identity_group;
  AdwEntryRow          *user_name_row;
  AdwComboRow          *channel_row;
  AdwComboRow          *color_scheme_row;
  AdwComboRow          *paper_row;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (DeskPreferencesWindow, desk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The items of the color scheme and paper rows, in order, as their keys spell them. */
static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const papers[] = { "a4", "letter", NULL };

/* Setting mappings {{{ */

static gboolean
channel_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DESK_TYPE_CHANNEL);
  GEnumValue *channel = g_enum_get_value_by_nick (klass, g_variant_get_string (variant, NULL));

  /* An unknown channel falls back to the key's default. */
  if (channel == NULL)
    return FALSE;

  g_value_set_uint (value, channel->value);
  return TRUE;
}

static GVariant *
channel_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DESK_TYPE_CHANNEL);
  GEnumValue *channel = g_enum_get_value (klass, g_value_get_uint (value));

  if (channel == NULL)
    return NULL;

  return g_variant_new_string (channel->value_nick);
}

/* A combo row of fixed choices and a string key: @user_data is the key's values, in the order of
 * the row's items, %NULL-terminated. */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choice, choices[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[position]);
}

/* }}} */
/* GObject {{{ */

static void
desk_preferences_window_dispose (GObject *object)
{
  DeskPreferencesWindow *self = DESK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_preferences_window_parent_class)->dispose (object);
}

static void
desk_preferences_window_class_init (DeskPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, identity_group);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPreferencesWindow, paper_row);
}

static void
desk_preferences_window_init (DeskPreferencesWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autofree char *description = NULL;
  const char *login_name;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);

  /* The same fallback as the store's actor (desk-application.c). */
  login_name = g_get_real_name ();
  if (login_name[0] == '\0' || g_str_equal (login_name, "Unknown"))
    login_name = g_get_user_name ();
  /* Translators: the description of the "Your Name" setting; %s is the login's name */
  description = g_strdup_printf (_("Recorded in the history of every change you make. "
                                   "When empty, your login’s name is used: %s."),
                                 login_name);
  adw_preferences_group_set_description (self->identity_group, description);

  g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  for (guint i = 0; i < DESK_N_CHANNELS; i++)
    gtk_string_list_append (channels, desk_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  g_settings_bind_with_mapping (self->settings, "default-channel",
                                self->channel_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                channel_get_mapping, channel_set_mapping,
                                NULL, NULL);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (self->settings, "paper-size",
                                self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) papers, NULL);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_preferences_window_new:
 * @parent: (nullable): the window the preferences are opened from
 *
 * Returns: (transfer full): a new preferences window, modal to @parent
 */
DeskPreferencesWindow *
desk_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (DESK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

/* }}} */
