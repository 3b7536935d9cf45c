<?php
// libstuinfo for PHP (FFI): require this file, then use the Stuinfo\ classes.
//   require '/usr/local/share/stuinfo/php/stuinfo.php';
//   $ctx = new Stuinfo\Context('en');
declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'Stuinfo\\')) {
        $name = substr($class, 8);
        $file = $name === 'Config' ? 'Config.php' : 'src/' . $name . '.php';
        if (is_file(__DIR__ . '/' . $file)) {
            require __DIR__ . '/' . $file;
        }
    }
});
