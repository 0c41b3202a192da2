package archfixture.good.etl;

import archfixture.good.core.Port;

public class EtlPort implements Port {
    @Override
    public String run() {
        return new archfixture.good.etl.store.Repo().toString();
    }
}
