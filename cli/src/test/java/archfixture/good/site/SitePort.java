package archfixture.good.site;

import archfixture.good.core.Port;

public class SitePort implements Port {
    @Override
    public String run() {
        return "site";
    }
}
