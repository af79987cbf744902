package org.rnnlab.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

/** "Copy link": the address bar always holds the page's configuration, so copying it shares the experiment. */
public final class CopyLink {
    private CopyLink() {}

    public static Button button() {
        Button copy = new Button("Copy link", VaadinIcon.LINK.create());
        copy.setId("copy-link");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        copy.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.getPage()
                .executeJs("const url = window.location.href;"
                        + "return navigator.clipboard ? navigator.clipboard.writeText(url).then(() => url, () => url) : url;")
                .then(String.class, url -> Notification.show("Link copied: " + url, 4000, Notification.Position.BOTTOM_START))));
        return copy;
    }
}
