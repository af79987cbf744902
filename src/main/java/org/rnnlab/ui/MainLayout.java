package org.rnnlab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The frame of every page: title, navigation, light/dark switch. Every route gets it ({@code @Layout}); the navigation
 * lists the views that declare a {@code @Menu}, in its order, so a new page adds itself.
 */
@Layout
public class MainLayout extends AppLayout {
    public MainLayout() {
        Span title = new Span("RNN Lab");
        title.addClassName("app-title");
        Button theme = new Button(VaadinIcon.ADJUST.create(), e -> toggleTheme());
        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.setAriaLabel("Switch between light and dark theme");
        theme.setTooltipText("Light / dark");
        addToNavbar(new DrawerToggle(), title, theme);

        SideNav nav = new SideNav();
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()))));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private void toggleTheme() {
        UI ui = UI.getCurrent();
        var themes = ui.getElement().getThemeList();
        if (themes.contains(Lumo.DARK)) themes.remove(Lumo.DARK);
        else themes.add(Lumo.DARK);
        // Charts draw on a canvas: they re-read the theme's colours.
        ui.getPage().executeJs("document.querySelectorAll('rnn-chart, rnn-heatmap').forEach(c => c.refreshTheme())");
    }
}
