package org.rnnlab.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("")
@PageTitle("RNN Lab")
public class HomeView extends VerticalLayout {
    public HomeView() {
        add(new H1("RNN Lab"), new Paragraph("Random recurrent networks: chaos, driven networks and FORCE learning."));
    }
}
