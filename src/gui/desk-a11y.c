/* desk-a11y.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Accessible names that the toolkit leaves out on libadwaita 1.2 or gets wrong on GTK 4.8, and
 * the one way a refused value is marked: never by colour alone. */

#define G_LOG_DOMAIN "desk-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"

static void
name_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Apply"),
                                          -1);
          if (gtk_widget_get_tooltip_text (child) == NULL)
            gtk_widget_set_tooltip_text (child, _("Apply"));
        }

      name_buttons (child);
    }
}

/**
 * desk_a11y_name_entry_row_apply:
 *
 * Names the apply button of @row ("Apply"): libadwaita 1.2 gives it an icon and nothing a
 * screen reader could say (later versions name it themselves).
 */
void
desk_a11y_name_entry_row_apply (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  name_buttons (GTK_WIDGET (row));
}

/* Returns: whether @button shows words with a mnemonic, in its label or in an
 *   AdwButtonContent, whose label the mnemonic makes the button's name */
static gboolean
shows_mnemonic (GtkButton *button)
{
  GtkWidget *content = gtk_button_get_child (button);

  if (ADW_IS_BUTTON_CONTENT (content))
    return adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (content));

  return gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL;
}

/**
 * desk_a11y_name_split_button:
 * @label: what the button does, e.g. _("Export Status Report")
 * @dropdown_label: what its arrow opens, e.g. _("Print or Copy")
 *
 * Names the two buttons of @button, and gives the main one @label as its tooltip: libadwaita
 * 1.2 gives the group a role but its buttons, when they show icons, nothing a screen reader
 * could say. A main button showing words with a mnemonic keeps them as its name.
 */
void
desk_a11y_name_split_button (AdwSplitButton *button,
                             const char     *label,
                             const char     *dropdown_label)
{
  g_return_if_fail (ADW_IS_SPLIT_BUTTON (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          /* Words with a mnemonic ("_Export…") name the button already; a name of its own
           * would be said after them. */
          if (!shows_mnemonic (GTK_BUTTON (child)))
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                            -1);
          gtk_widget_set_tooltip_text (child, label);
        }
      else if (GTK_IS_MENU_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label,
                                        -1);
    }
}

static void
name_mnemonic_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget)
      && gtk_button_get_use_underline (GTK_BUTTON (widget))
      && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_mnemonic_buttons (child);
}

/**
 * desk_a11y_name_mnemonic_buttons:
 *
 * Names @widget, if it is a button with a mnemonic label ("_Save"), and every such button under
 * it once, by the text it shows ("Save"). GTK 4.8 names such a button twice: by its label
 * property, underline included, and by the label widget the mnemonic points at it, which has
 * none; screen readers hear "_Save Save". Without the property, the label widget's name is left.
 *
 * Call it again after gtk_button_set_label(), which sets the property anew.
 */
void
desk_a11y_name_mnemonic_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  name_mnemonic_buttons (widget);
}

/**
 * desk_a11y_set_invalid:
 * @message: (nullable): why the value of @widget is refused, or %NULL once it no longer is
 *
 * Marks @widget as holding a refused value: the "error" style class for the eye, @message as its
 * tooltip, and the invalid state for screen readers. %NULL takes all three away again.
 */
void
desk_a11y_set_invalid (GtkWidget  *widget,
                       const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}
