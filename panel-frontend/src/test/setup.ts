import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// CI machines have 2 cores shared with Maven: the 1 s default of findBy* is too tight there.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
